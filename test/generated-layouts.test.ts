// Generators the corpus does not have, on the content of real disclosures (test/fixtures/generated, made from the
// truth files by make-xlsx.ts / make-html.py and LibreOffice): an .xlsx from exceljs and its LibreOffice Calc
// print (header rows repeated as print titles on every continuation page), a Writer .docx and its PDF (a table's
// header block broken across the page: its first row alone at the foot of one page, the rest on the next).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDisclosure } from '../main/readers/index.js';
import { fixture } from './helpers/paths.js';
import { realTruth as truthOf, tableDifferences } from './helpers/truth-tables.js';


describe('real content through other generators: every standard table exactly', () => {
  for (const [file, name] of [
    ['SH-PT-wanli-2024-dept-budget.xlsx', 'SH-PT-wanli-2024-dept-budget'],
    ['SH-PT-wanli-2024-dept-budget.calc.pdf', 'SH-PT-wanli-2024-dept-budget'],
    ['SH-PT-zfban-2025-dept-budget.writer.docx', 'SH-PT-zfban-2025-dept-budget'],
    ['SH-PT-zfban-2025-dept-budget.writer.pdf', 'SH-PT-zfban-2025-dept-budget'],
  ] as const) {
    it(file, async () => {
      const doc = await readDisclosure(new Uint8Array(fs.readFileSync(fixture('generated', file))), file);
      // Page numbers differ from the published file's; everything else is the truth.
      const truth = truthOf(name);
      truth.tables.forEach((t) => (t.pages = null));
      expect(tableDifferences(truth, doc)).toEqual([]);
    });
  }
});
