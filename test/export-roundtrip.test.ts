// Round trip: an exported workbook, read back by the .xlsx reader, gives the same standard tables (corrections
// applied) and the same department, code, year, scope, kind and units — for the Hebei layout and for real
// documents of other provinces in their own layout.
import { describe, expect, it } from 'vitest';
import type { Correction } from '../main/api/types.js';
import { exportWorkbook } from '../main/export/index.js';
import type { BudgetDocument } from '../main/model/types.js';
import { readDisclosure } from '../main/readers/index.js';
import { truthDocument } from './export-support.js';
import fs from 'node:fs';
import { fixture } from './helpers/paths.js';
import { realTruth, tableDifferences } from './helpers/truth-tables.js';

const squash = (s: string | undefined): string => String(s ?? '').replace(/\s+/g, '');
/** Cells compare as the scorer does: amounts by value ("1,292.00" = "1292"), text without spaces. */
const same = (a: string | undefined, b: string | undefined): boolean => {
  const x = squash(a).replace(/,/g, ''), y = squash(b).replace(/,/g, '');
  const num = /^-?(\d+(\.\d+)?|\.\d+)$/;
  return num.test(x) && num.test(y) ? Math.abs(Number(x) - Number(y)) < 0.005 : x === y;
};

/** Correct the first amount of the last row of t3 and a blank cell of t1, as the review screen would. */
function withCorrections(doc: BudgetDocument): Correction[] {
  const out: Correction[] = [];
  let id = 1;
  const correct = (key: 't1' | 't3', pick: (r: string[]) => number) => {
    const t = doc.tables.find((x) => x.key === key)!;
    const row = t.rows[t.rows.length - 1]!;
    const col = pick(row);
    out.push({ id: id++, submissionId: 1, table: key, row: row[0]!, column: t.lanes![col]!, oldValue: row[col]!, newValue: '12.34', author: '审核人', at: '2024-05-01T10:00:00', reason: '测试', undoneAt: null });
    row[col] = '12.34';
  };
  correct('t3', (r) => r.findIndex((c, i) => i >= 3 && c.trim() !== ''));
  correct('t1', () => 2); // 收入总计 预算数
  return out;
}

describe('export → .xlsx reader round trip', () => {
  for (const id of ['seed000', 'seed002'])
    for (const plain of [false, true])
      it(`${id} ${plain ? 'plain' : 'with audit sheets'}: same tables and metadata`, async () => {
        const doc = truthDocument(id);
        const corrections = withCorrections(doc);
        const bytes = await exportWorkbook({ document: doc, corrections, findings: [], plain });
        const back = await readDisclosure(bytes, `${id}.export.xlsx`);
        expect(back.source.format).toBe('xlsx');
        expect([back.scope, back.department_code, back.department, back.year, back.unit]).toEqual([doc.scope, doc.department_code, doc.department, doc.year, doc.unit]);
        expect(back.tables.map((t) => t.key)).toEqual(doc.tables.map((t) => t.key));
        for (const t of doc.tables) {
          const b = back.tables.find((x) => x.key === t.key)!;
          expect(squash(b.title)).toBe(squash(t.title));
          expect(b.lanes).toEqual(t.lanes);
          expect(b.note ?? null).toBe(t.note ?? null);
          expect(b.rows.length, `${t.key} rows`).toBe(t.rows.length);
          t.rows.forEach((row, r) => row.forEach((cell, c) => expect(same(b.rows[r]![c], cell), `${t.key} r${row[0]} c${c}: ${b.rows[r]![c]} ≠ ${cell}`).toBe(true)));
        }
        // Our own audit sheets are not read back as the department's narrative or tables.
        expect(back.narrative.map((s) => s.heading).join('|')).not.toMatch(/审核意见|修改记录/);
        expect(back.extra_tables).toEqual([]);
        // The corrected values are what comes back.
        for (const c of corrections) {
          const b = back.tables.find((x) => x.key === c.table)!;
          const row = b.rows.find((r) => r[0] === c.row)!;
          expect(same(row[b.lanes!.indexOf(c.column)], c.newValue)).toBe(true);
        }
      });
});

describe('export → reader round trip of real published disclosures (their own layout and units)', () => {
  // A Shanghai 单位 budget (元 tables, a 万元 三公 table, t6 printed after t8), a Shanghai 决算 (d1–d9, a 三公
  // header under a caption row), a Jiangsu budget (item-style 收入总表, three-panel 收支总表).
  for (const name of ['SH-PT-fuliyuan-2024-unit-budget', 'SH-PT-shehuigongzuobu-2024-dept-final', 'JS-renda-2019-dept-tables'])
    it(`${name}: the exported workbook reads back as the truth, cell for cell, in the printed order`, async () => {
      const truth = realTruth(name);
      const doc = await readDisclosure(new Uint8Array(fs.readFileSync(fixture('real', `${name}.pdf`))), `${name}.pdf`);
      const bytes = await exportWorkbook({ document: doc, corrections: [], findings: [], plain: true });
      const back = await readDisclosure(bytes, `${name}.xlsx`);
      expect(back.source.format).toBe('xlsx');
      expect(tableDifferences(truth, back).filter((d) => !/ pages: /.test(d))).toEqual([]);
      expect(back.tables.map((t) => t.unit)).toEqual(truth.tables.map((t) => t.unit));
    }, 120_000);
});
