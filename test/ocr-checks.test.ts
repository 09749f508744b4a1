// On a scan, a figure that breaks the table's own arithmetic may be a misreading: when the cell was read
// by OCR and is unsure, or is one digit (or its decimal point) from the figure that fits, the auditor is
// asked to confirm that cell (识别存疑，请核对, a warning) instead of being shown an error against the
// department. A figure read from a text layer, or an OCR figure far from fitting, stays an error.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../main/checks/index.js';
import { OCR_MISREAD } from '../main/checks/ocr-review.js';
import { documentFromTruth, type TruthJson } from '../main/model/truth-document.js';
import { ocrConfusable } from '../main/model/ocr.js';
import type { BudgetDocument, Finding } from '../main/model/types.js';
import { fixture } from './helpers/paths.js';

const truth = JSON.parse(fs.readFileSync(fixture('truth', 'seed000.json'), 'utf8')) as TruthJson;

/** seed000 as printed, every table cell read by OCR with `confidence` (or from a text layer when null). */
function scanned(confidence: number | null): BudgetDocument {
  const doc = documentFromTruth(structuredClone(truth));
  for (const t of doc.tables)
    t.sources = t.rows.map((row) =>
      row.map(() => (confidence === null ? { page: 1 } : { page: 1, confidence, ...(confidence < 0.9 ? { confirm: true } : {}) })),
    );
  return doc;
}

/** t2's 合计 row, 合计 column: printed 1688.05. */
function misprint(doc: BudgetDocument, text: string, confidence?: number): void {
  const t2 = doc.tables.find((t) => t.key === 't2')!;
  const r = t2.rows.findIndex((row) => row[0] === '1');
  expect(t2.rows[r]![3]).toBe('1688.05');
  t2.rows[r]![3] = text;
  if (confidence !== undefined) t2.sources[r]![3] = { page: 1, confidence, confirm: true };
}

const key = (f: Finding) => `${f.rule}|${f.severity}|${f.table}|${f.row}|${f.column}`;
const errorsBeyond = (doc: BudgetDocument, base: Finding[]) => {
  const before = new Set(base.map(key));
  return runChecks(doc).filter((f) => f.severity === 'error' && !before.has(key(f)));
};

describe('OCR findings: a likely misreading is a cell to confirm, not an error against the department', () => {
  const base = runChecks(scanned(0.99));

  it('a confident OCR figure one digit from the figure that fits', () => {
    const doc = scanned(0.99);
    misprint(doc, '1683.05');
    expect(errorsBeyond(doc, base)).toEqual([]);
    const misread = runChecks(doc).filter((f) => f.rule === OCR_MISREAD);
    expect(misread.length).toBeGreaterThan(0);
    for (const f of misread) {
      expect(f.severity).toBe('warning');
      expect([f.table, f.row, f.column]).toEqual(['t2', '1', '3']);
      expect(f.message).toMatch(/请核对.*1683\.05.*应为 1688\.05/);
    }
  });

  it('an unsure OCR figure, whatever it differs by', () => {
    const doc = scanned(0.99);
    misprint(doc, '1500.00', 0.62);
    expect(errorsBeyond(doc, base)).toEqual([]);
    const misread = runChecks(doc).filter((f) => f.rule === OCR_MISREAD);
    expect(misread.length).toBeGreaterThan(0);
    expect(misread.every((f) => f.table === 't2' && f.row === '1' && f.column === '3' && /可信度 62%/.test(f.message))).toBe(true);
  });

  it('stays an error when the figure was read from a text layer, or is confidently far from fitting', () => {
    const text = scanned(null);
    misprint(text, '1683.05');
    expect(errorsBeyond(text, runChecks(scanned(null))).length).toBeGreaterThan(0);
    expect(runChecks(text).some((f) => f.rule === OCR_MISREAD)).toBe(false);
    const far = scanned(0.99);
    misprint(far, '1500.00');
    expect(errorsBeyond(far, base).length).toBeGreaterThan(0);
  });

  it('tells a misreading from a different amount', () => {
    expect(ocrConfusable('1683.05', 1688.05)).toBe(true); // one digit
    expect(ocrConfusable('168.05', 1688.05)).toBe(true); // a digit lost
    expect(ocrConfusable('168805', 1688.05)).toBe(true); // the point lost
    expect(ocrConfusable('16880.5', 1688.05)).toBe(true); // the point moved
    expect(ocrConfusable('1500.00', 1688.05)).toBe(false);
    expect(ocrConfusable('1688.50', 1688.05)).toBe(false); // two digits swapped: a typing slip, not a misreading
    expect(ocrConfusable('', 20)).toBe(false); // a blank cell is read as blank
  });
});
