// row-sum — across a row: t2 合计 = 小计 + 上年结转, 小计 = 栏 5–11; t3 合计 = 栏 4–8; t4 合计 = 栏 5–7;
// t5/t7/t8 合计 = 基本支出 + 项目支出; t6 合计 = 人员经费 + 公用经费; t9 合计 = 栏 3–5.
import { checkSum } from '../lib/identity.js';
import { operand, rowName } from '../lib/ops.js';
import type { TableView } from '../lib/table-view.js';
import type { Draft, Rule } from '../types.js';

/** [total lane, part lanes] per table. */
const ROW_IDENTITIES: Record<string, [number, number[]][]> = {
  t2: [[3, [4, 12]], [4, [5, 6, 7, 8, 9, 10, 11]]],
  t3: [[3, [4, 5, 6, 7, 8]]],
  t4: [[4, [5, 6, 7]]],
  t5: [[3, [4, 5]]],
  t6: [[3, [4, 5]]],
  t7: [[3, [4, 5]]],
  t8: [[3, [4, 5]]],
  t9: [[2, [3, 4, 5]]],
};

/** t2 printed with other columns than the standard twelve: find 合计, 小计 and 上年结转 by their header. */
function t2Identities(v: TableView): [number, number[]][] {
  if (v.laneCount === 12) return ROW_IDENTITIES.t2!;
  const lanes = Array.from({ length: v.laneCount }, (_, i) => i + 1).filter((l) => l >= 3);
  const find = (re: RegExp) => lanes.find((l) => re.test(v.laneHeader(l)));
  const total = find(/合计/);
  const sub = find(/小计/);
  const carry = find(/上年结转|结转/);
  if (total === undefined || sub === undefined) return [];
  const incomes = lanes.filter((l) => l !== total && l !== sub && l !== carry);
  return [[total, [sub, ...(carry === undefined ? [] : [carry])]], [sub, incomes]];
}

function rowSums(v: TableView): Draft[] {
  const out: Draft[] = [];
  for (const [totalLane, partLanes] of v.key === 't2' ? t2Identities(v) : (ROW_IDENTITIES[v.key] ?? [])) {
    if (!v.hasLane(totalLane)) continue;
    const lanes = partLanes.filter((l) => v.hasLane(l));
    if (lanes.length === 0) continue;
    for (let r = 0; r < v.rowCount; r++) {
      if ([totalLane, ...lanes].every((l) => v.isBlank(r, l))) continue;
      const total = operand(v, r, totalLane);
      const parts = lanes.map((l) => operand(v, r, l));
      if (!total || parts.some((p) => p === null)) continue;
      const d = checkSum({
        rule: 'row-sum',
        total,
        parts: parts as NonNullable<(typeof parts)[number]>[],
        subject: () => `${v.name} ${rowName(v, r)} ${v.laneName(totalLane)}`,
        relation: () => lanes.map((l) => v.laneName(l)).join('+'),
      });
      if (d) out.push(d);
    }
  }
  return out;
}

export const rowSum: Rule = {
  id: 'row-sum',
  title: '行内合计：合计栏等于各分栏之和',
  reads: 't2–t9 每一行的合计栏与分栏',
  run: (ctx) => ['t2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'].flatMap((k) => {
    const v = ctx.table(k);
    return v ? rowSums(v) : [];
  }),
};
