// A layout family is data: a province whose titles, column words and department label exist only in a JSON
// file of the test's fixtures (an invented 海岳省) is refused until that file is loaded, then read exactly —
// tables by the family's titles, the department after its own label, columns by its words.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../main/model/errors.js';
import { familyById } from '../main/model/families/index.js';
import { loadFamilyFile } from '../main/model/families/file.js';
import { describeTable } from '../main/model/semantics/index.js';
import { readDisclosure } from '../main/readers/index.js';
import { fixture } from './helpers/paths.js';

interface SheetSpec {
  title: string;
  header: string[][];
  merges: string[];
  rows: (string | number)[][];
}

const SHEETS: SheetSpec[] = [
  {
    title: '2026年经费来源运用总表',
    header: [['来源', '金额', '运用', '金额']],
    merges: [],
    rows: [
      ['本级拨付', 1200, '保运转', 800],
      ['自筹', 300, '促发展', 700],
      ['合计', 1500, '合计', 1500],
    ],
  },
  {
    title: '2026年经费来源分项表',
    header: [
      ['科目编码', '科目名称', '合计', '来源构成', ''],
      ['', '', '', '本级拨付', '自筹'],
    ],
    merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3'],
    rows: [
      ['合计', '', 1500, 1200, 300],
      ['201', '一般公共服务支出', 1500, 1200, 300],
      ['20101', '人大事务', 1500, 1200, 300],
    ],
  },
  {
    title: '2026年经费运用分项表',
    header: [['科目编码', '科目名称', '合计', '保运转', '促发展']],
    merges: [],
    rows: [
      ['合计', '', 1500, 800, 700],
      ['201', '一般公共服务支出', 1500, 800, 700],
    ],
  },
  {
    title: '2026年公务三项开支表',
    header: [['合计', '出访', '接待', '车辆']],
    merges: [],
    rows: [[12, 2, 4, 6]],
  },
];

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  SHEETS.forEach((s, i) => {
    const ws = wb.addWorksheet(`表${i + 1}`);
    const width = s.header[0]!.length;
    if (i === 0) {
      // The first sheet prints its number label in the title row's last cell.
      const top = new Array<string>(width).fill('');
      top[0] = s.title;
      top[width - 1] = '公开01表';
      ws.addRow(top);
      ws.mergeCells(1, 1, 1, width - 1);
    } else {
      ws.addRow([s.title]);
      ws.mergeCells(1, 1, 1, width);
    }
    const meta = new Array<string>(width).fill('');
    meta[0] = '填报机关：海岳省农业农村厅';
    meta[width - 1] = '单位：万元';
    ws.addRow(meta);
    for (const h of s.header) ws.addRow(h);
    for (const m of s.merges) ws.mergeCells(m);
    for (const r of s.rows) {
      const row = ws.addRow(r);
      row.eachCell((cell) => {
        if (typeof cell.value === 'number') cell.numFmt = '#,##0.00';
      });
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a layout family that exists only as a data file', () => {
  it('is refused without the family, read exactly with it', async () => {
    const bytes = await workbook();
    // Unknown titles (经费来源运用总表 …): no standard table, no disclosure.
    await expect(readDisclosure(bytes, 'haiyue.xlsx')).rejects.toBeInstanceOf(AppError);
    expect(familyById('haiyue')).toBeNull();

    const family = loadFamilyFile(fixture('families', 'haiyue.json'));
    expect(family.id).toBe('haiyue');
    const doc = await readDisclosure(bytes, 'haiyue.xlsx');
    expect(doc).toMatchObject({ family: 'haiyue', kind: '预算', scope: '部门', year: 2026, unit: '万元', department: '海岳省农业农村厅', department_code: null });
    expect(doc.tables.map((t) => [t.key, t.title, t.unit])).toEqual([
      ['t1', '2026年经费来源运用总表', '万元'],
      ['t2', '2026年经费来源分项表', '万元'],
      ['t3', '2026年经费运用分项表', '万元'],
      ['t9', '2026年公务三项开支表', '万元'],
    ]);
    const t2 = doc.tables[1]!;
    expect(t2.header.rows).toEqual(SHEETS[1]!.header);
    expect(t2.lanes).toBeNull();
    expect(t2.rows).toEqual([
      ['合计', '', '1,500.00', '1,200.00', '300.00'],
      ['201', '一般公共服务支出', '1,500.00', '1,200.00', '300.00'],
      ['20101', '人大事务', '1,500.00', '1,200.00', '300.00'],
    ]);
    expect(doc.tables[3]!.rows).toEqual([['12.00', '2.00', '4.00', '6.00']]);

    // The column words are the family's: 本级拨付 is the 财政拨款 concept only under it.
    const concepts = (family: string | null) => describeTable(t2, family).columns.map((c) => c.concept ?? c.role);
    expect(concepts('haiyue')).toEqual(['code', 'name', 'total', 'fiscal', 'otherIncome']);
    expect(concepts(null)).not.toContain('fiscal');
    expect(describeTable(doc.tables[3]!, 'haiyue').columns.map((c) => c.concept)).toEqual(['total', 'abroad', 'reception', 'vehicle']);
  });
});
