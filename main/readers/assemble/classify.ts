// Which standard table a titled region is, by meaning: the title's words first (model/lexicon/titles.ts and
// the family's own titles), then what its columns and rows hold where the title alone cannot tell — a
// 一般公共预算 支出 table that lists 经济分类 codes (3xx) is the 基本支出 table; a table whose columns are the
// 三公 parts is the 三公 table whatever its caption. Never by position, numbering or page order.
import type { LayoutFamily } from '../../model/families/index.js';
import type { Lexicon } from '../../model/lexicon/concepts.js';
import { keyOf, re, stripTitle, type TableNumber } from '../../model/lexicon/titles.js';
import { describeColumns } from '../../model/semantics/columns.js';
import type { DocKind, TableKey } from '../../model/types.js';
import { headerGrid } from './grid.js';
import { headerRowCount } from './header.js';
import type { Region } from './regions.js';
import { squash } from './text.js';

const SANGONG_PARTS = new Set(['abroad', 'reception', 'vehicle', 'vehiclePurchase', 'vehicleRunning']);

export function classifyRegion(region: Region, kind: DocKind, lex: Lexicon, family: LayoutFamily | null): TableKey | null {
  const first = region.grids[0]!;
  const h = headerRowCount(first.rows, lex, { first: true });
  const header = headerGrid(first.rows.slice(0, h));
  const body = first.rows.slice(h).map((r) => r.cells.map((c) => (c.covered ? '' : squash(c.text))));
  let n: TableNumber | null = region.title.number;
  const extraByFamily = (family?.extraTitles ?? []).some((p) => re(p).test(stripTitle(region.title.title)));
  if (n === null && !extraByFamily) {
    const layout = describeColumns(header, body, lex);
    const parts = new Set(layout.columns.map((c) => c.concept).filter((c): c is string => !!c && SANGONG_PARTS.has(c)));
    if (parts.size >= 2) n = 9;
  }
  if (n === 5) {
    // Economic classification codes (301…, 30101…) in the code column: the 基本支出 table.
    const codes = body.flatMap((r) => r.filter((t) => /^\d{3}(\d{2}){0,2}$/.test(t)));
    if (codes.length >= 3 && codes.filter((t) => t.startsWith('3')).length >= codes.length * 0.8) n = 6;
  }
  return n === null ? null : keyOf(kind, n);
}
