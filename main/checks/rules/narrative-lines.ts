// narrative-lines — "人员经费 a 万元，主要包括：基本工资、津贴补贴、…、个人农业生产补贴" lists the 经济分类 lines the
// 基本支出 table prints for it. A line named there that the table prints blank (or 0), while a line of the same
// 类 that holds money goes unnamed, is a list written for another year or another department. Lists that name
// several blank lines are the template's wording and are left alone.
import { fmtIn } from '../lib/amounts.js';
import { codePanels, codeTree, type CodeRow } from '../lib/codes.js';
import { tableOf } from '../lib/keys.js';
import { normLabel, squash } from '../lib/labels.js';
import type { TableView } from '../lib/view.js';
import type { Draft, Rule } from '../types.js';

const LIST = /(人员经费|公用经费)[^。；;：:]{0,24}?(?:主要)?(?:包括|包含|用于)[:：]?\s*([^。；;]+)/g;

interface Line {
  row: CodeRow;
  c: number;
  fen: number;
}

/** The 款 lines of a 基本支出 table with their amounts (in the column that holds each panel's total). */
function lines(v: TableView): Line[] {
  const out: Line[] = [];
  for (const p of codePanels(v)) {
    const c = v.totalColumn(p);
    if (c === null) continue;
    for (const row of codeTree(v, p).rows) if (row.level === 1) out.push({ row, c, fen: v.fen(row.r, c) ?? 0 });
  }
  return out;
}

export const narrativeLines: Rule = {
  id: 'narrative-lines',
  title: '说明中“人员经费/公用经费主要包括”所列明细与基本支出表一致',
  reads: '情况说明中人员经费、公用经费“主要包括”所列的经济分类款名称；基本支出表各款的金额',
  run: (ctx) => {
    const out: Draft[] = [];
    const v = tableOf(ctx, 'basic');
    const all = v ? lines(v) : [];
    if (!v || !all.length) return out;
    for (const p of ctx.narrative.paragraphs) {
      for (const m of p.text.matchAll(LIST)) {
        const names = m[2]!.split(/[、，,]/).map((x) => normLabel(x.replace(/等(?:支出|费用)?$/, ''))).filter(Boolean);
        const named = names.map((n) => all.find((l) => normLabel(l.row.name) === n)).filter((l): l is Line => !!l);
        if (named.length < 3) continue;
        const blank = named.filter((l) => l.fen === 0);
        if (!blank.length || blank.length * 3 > named.length) continue;
        const classes = new Set(named.map((l) => l.row.code.slice(0, 3)));
        const missed = all.filter((l) => classes.has(l.row.code.slice(0, 3)) && l.fen !== 0 && !named.includes(l));
        if (!missed.length) continue;
        out.push({
          rule: 'narrative-lines',
          severity: 'warning',
          cell: { table: 'narrative', row: p.heading, column: String(p.index) },
          related: [...blank, ...missed].map((l) => v.ref(l.row.r, l.c)),
          expected: null,
          actual: null,
          message: `情况说明“${squash(p.heading)}”：${m[1]}所列的${blank.map((l) => `“${squash(l.row.name)}”`).join('、')}在${v.title}中为空，而该表有数的${missed.map((l) => `“${l.row.code} ${squash(l.row.name)} ${fmtIn(l.fen, v.factor)}”`).join('、')}未列出`,
          page: p.page,
          paragraph: { heading: p.heading, index: p.index, quote: m[0].trim() },
        });
      }
    }
    return out;
  },
};
