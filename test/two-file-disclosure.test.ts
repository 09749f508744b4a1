// One disclosure published as two files (Jiangsu: the narrative in `*-text.pdf`, the tables in `*-tables.pdf`),
// imported in either order: the second file joins the first one's submission, the checks run across both, and
// each part keeps the file it came from. The two files print the department's name differently (the cover of
// the narrative says 江苏省委办公厅, the table headers 中共江苏省委办公厅).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../main/api/index.js';
import { fixture, tempDir } from './helpers/paths.js';

const TABLES = fixture('real', 'JS-shengweiban-2019-dept-tables.pdf');
const TEXT = fixture('real', 'JS-shengweiban-2019-dept-text.pdf');

describe('a narrative and its tables published as two files', () => {
  for (const order of [[TABLES, TEXT], [TEXT, TABLES]] as const) {
    it(`join into one submission when the ${order[0] === TEXT ? 'narrative comes' : 'tables come'} first`, async () => {
      const api = createApi({ dbPath: path.join(tempDir(), 'a.sqlite') });
      try {
        const first = await api['archive.importFile']({ path: order[0] });
        expect(first.status).toBe('stored');
        const before = await api['submission.get']({ id: first.submission.id });
        expect(before.findings.some((f) => f.rule === 'completeness')).toBe(true); // each half alone is incomplete
        const second = await api['archive.importFile']({ path: order[1] });
        expect(second.status).toBe('joined');
        expect(second.submission.id).toBe(first.submission.id);
        expect(second.submission.version).toBe(1);
        expect(second.submission.files.map((f) => [f.fileName, f.role])).toEqual([
          [path.basename(order[1]), order[1] === TEXT ? 'narrative' : 'tables'],
        ]);
        expect(await api['archive.list']({})).toHaveLength(1);

        const view = await api['submission.get']({ id: first.submission.id });
        const doc = view.document;
        expect(doc.tables.map((t) => t.key)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't9', 't7']);
        expect(doc.narrative.reduce((n, s) => n + s.paragraphs.length, 0)).toBeGreaterThan(40);
        // Neither half's "the other part is missing" finding survives the join.
        expect(view.findings.filter((f) => f.rule === 'completeness' && /情况说明|另册/.test(f.message))).toEqual([]);
        // The parts the second file brought name it; the source pane can ask for that file by its hash.
        const secondSha = second.submission.files[0]!.sha256;
        const brought = order[1] === TEXT ? doc.narrative.filter((s) => s.file === secondSha) : doc.tables.filter((t) => t.file === secondSha);
        expect(brought.length).toBe(order[1] === TEXT ? doc.narrative.length : doc.tables.length);
        const source = await api['submission.source']({ id: first.submission.id, sha256: secondSha });
        expect(Buffer.from(source.dataBase64, 'base64').equals(fs.readFileSync(order[1]))).toBe(true);
      } finally {
        api.close();
      }
    }, 120_000);
  }
});

describe('which names are one organisation for a join', () => {
  it('takes a name printed with or without its party prefix, never a unit of the department or a short common tail', async () => {
    const { sameOrganisation } = await import('../main/api/joining.js');
    expect(sameOrganisation('中共江苏省委办公厅', '江苏省委办公厅')).toBe(true);
    expect(sameOrganisation('中国共产党上海市普陀区委员会办公室', '中共上海市普陀区委员会办公室')).toBe(true);
    expect(sameOrganisation('江苏省财政厅', '江苏省财政厅机关服务中心')).toBe(false);
    expect(sameOrganisation('江苏省人大常委会办公厅', '江苏省人民政府办公厅')).toBe(false);
    expect(sameOrganisation('中共江苏省委办公厅', '办公厅')).toBe(false);
  });
});
