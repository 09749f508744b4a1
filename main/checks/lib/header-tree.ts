// The amount columns of a panel as the printed header groups them: 合计 beside its parts, a heading over
// sub-columns (本年收入 › 小计, 财政拨款收入 …; 基本支出 › 人员经费, 公用经费; 公务用车购置及运行费 › 小计,
// 购置费, 运行费). Stage words (预算数, 决算数) are not groups: a column of each stage sits in the same node.
// Every sibling set that holds one total node gives an identity "total = Σ the other siblings".
import type { HeaderGrid } from '../../model/types.js';
import { normalizeHeader } from '../../model/lexicon/concepts.js';
import type { TableView } from './view.js';

export interface HeaderNode {
  text: string;
  /** Span of the header cell. */
  c1: number;
  c2: number;
  children: HeaderNode[];
  /** Amount columns whose deepest header cell is this node. */
  columns: number[];
}

export interface HeaderIdentity {
  /** Columns of the total node, one per stage. */
  total: number[];
  /** Per part: its columns (a group without its own total contributes each of its leaves). */
  parts: number[][];
}

const TOTAL = /^(合计|小计|总计|本年收入合计|本年支出合计|收入合计|支出合计|本年合计)$/;
const STAGE = /^(本年)?(年初|全年|调整后?)?(预算|决算)(数|金额)?$|^(金额|数额)$/;
const PARTIAL = /^(其中|含)[:：]/;

/** The header cells over each column, top to bottom (merged cells once, with their span). */
export function headerCells(header: HeaderGrid, width: number): { text: string; c1: number; c2: number; r: number }[][] {
  const owner: ([number, number, number, number] | null)[][] = header.rows.map((row) => row.map(() => null));
  for (const [r1, c1, r2, c2] of header.merges) {
    for (let r = r1; r <= r2 && r < header.rows.length; r++) for (let c = c1; c <= c2; c++) if (owner[r]) owner[r]![c] = [r1, c1, r2, c2];
  }
  const out: { text: string; c1: number; c2: number; r: number }[][] = [];
  for (let c = 0; c < width; c++) {
    const cells: { text: string; c1: number; c2: number; r: number }[] = [];
    const seen = new Set<string>();
    header.rows.forEach((row, r) => {
      const m = owner[r]?.[c] ?? null;
      const [or, oc, c1, c2] = m ? [m[0], m[1], m[1], m[3]] : [r, c, c, c];
      const text = String(header.rows[or]?.[oc] ?? '').trim();
      const id = `${or}:${oc}`;
      if (!text || seen.has(id)) return;
      seen.add(id);
      cells.push({ text, c1, c2, r: or });
    });
    out.push(cells);
  }
  return out;
}

const treeMemo = new WeakMap<TableView, Map<number, HeaderNode>>();

/** The header tree of a panel's amount columns (a virtual root whose children are the top groups). */
export function headerTree(view: TableView, panel: number): HeaderNode {
  let byPanel = treeMemo.get(view);
  if (!byPanel) treeMemo.set(view, (byPanel = new Map()));
  const hit = byPanel.get(panel);
  if (hit) return hit;
  const cols = view.amountColumns(panel);
  const width = Math.max(0, ...view.columns.map((c) => c.index + 1));
  const cells = headerCells(view.table.header, width);
  const root: HeaderNode = { text: '', c1: -1, c2: -1, children: [], columns: [] };
  const nodes = new Map<string, HeaderNode>();
  for (const c of cols) {
    let parent = root;
    // A heading over label and amount columns alike (收入 over 项目 + 预算数) is a caption: one more level
    // with nothing to add up, so it does no harm.
    const path = (cells[c] ?? []).filter((x) => !STAGE.test(normalizeHeader(x.text)));
    for (const x of path) {
      const id = `${x.r}:${x.c1}:${x.c2}`;
      let node = nodes.get(id);
      if (!node) {
        node = { text: x.text, c1: x.c1, c2: x.c2, children: [], columns: [] };
        nodes.set(id, node);
        parent.children.push(node);
      }
      parent = node;
    }
    if (parent === root) continue; // a column with no header words of its own
    parent.columns.push(c);
  }
  byPanel.set(panel, root);
  return root;
}

const isTotal = (n: HeaderNode): boolean => TOTAL.test(normalizeHeader(n.text));
const isPartial = (n: HeaderNode): boolean => PARTIAL.test(n.text.replace(/\s+/g, ''));

/** The columns a node contributes to its parent's sum: its own total, else its leaves. */
function contribution(n: HeaderNode): number[][] {
  if (n.children.length === 0) return n.columns.length ? [n.columns] : [];
  const total = n.children.filter(isTotal);
  if (total.length === 1 && total[0]!.columns.length) return [total[0]!.columns];
  return n.children.filter((c) => !isPartial(c)).flatMap(contribution);
}

/** Every "total = Σ parts" the header of a panel states. */
export function headerIdentities(view: TableView, panel: number): HeaderIdentity[] {
  const out: HeaderIdentity[] = [];
  const visit = (n: HeaderNode): void => {
    const totals = n.children.filter(isTotal);
    if (totals.length === 1 && totals[0]!.columns.length && totals[0]!.children.length === 0) {
      const parts = n.children.filter((c) => c !== totals[0] && !isPartial(c)).flatMap(contribution);
      if (parts.length > 0) out.push({ total: totals[0]!.columns, parts });
    }
    n.children.forEach(visit);
  };
  visit(headerTree(view, panel));
  return out;
}

/** The column of a stage among a node's columns (one per stage, or the only one). */
export function atStage(view: TableView, columns: number[], stage: string | null): number | null {
  if (columns.length === 1) return columns[0]!;
  return columns.find((c) => (view.columns[c]?.stage ?? null) === stage) ?? null;
}
