// The format-neutral assembler on hand-made RawDocuments shaped like what the PDF reader hands over:
// grids per page, repeated header blocks (with the 档次 misprint), rows cut by page breaks, wrapped
// department lines and hard-wrapped narrative lines.
import { describe, expect, it } from 'vitest';
import { AppError } from '../main/model/errors.js';
import { assembleDocument } from '../main/readers/assemble/index.js';
import { parseTableTitle } from '../main/readers/assemble/titles.js';
import { joinCut, normalizeHeaderCell } from '../main/readers/assemble/text.js';
import type { RawBlock, RawCell, RawDocument, RawRow, RawTableBlock } from '../main/readers/raw.js';
import { formatNumber } from '../main/readers/xlsx/number-format.js';

const cell = (text: string, page: number, extra: Partial<RawCell> = {}): RawCell => ({ text, src: { page }, rowSpan: 1, colSpan: 1, ...extra });
const row = (texts: string[], page: number): RawRow => ({ cells: texts.map((t) => cell(t, page)), page });
const line = (text: string, page: number, extra: Partial<RawBlock> = {}): RawBlock => ({ kind: 'paragraph', text, src: { page }, page, ...extra }) as RawBlock;

/** The two header rows of t5 (序号 and 合计… merged down, 功能分类科目 across) and the lane row. */
function t5Header(page: number, laneLabel = '栏次'): RawRow[] {
  const top: RawCell[] = [
    cell('序号', page, { rowSpan: 2 }),
    cell('功能分类科目', page, { colSpan: 2 }),
    cell('', page, { covered: true }),
    cell('合计', page, { rowSpan: 2 }),
    cell('基本支出', page, { rowSpan: 2 }),
    cell('项目支出', page, { rowSpan: 2 }),
  ];
  const second: RawCell[] = [cell('', page, { covered: true }), cell('科目\n编码', page), cell('科目名称', page), ...[0, 1, 2].map(() => cell('', page, { covered: true }))];
  return [{ cells: top, page }, { cells: second, page }, row([laneLabel, '1', '2', '3', '4', '5'], page)];
}

const grid = (rows: RawRow[], page: number, top: boolean, bottom: boolean): RawTableBlock => ({ kind: 'table', rows, page, atPageTop: top, atPageBottom: bottom });

function pdfDoc(): RawDocument {
  const blocks: RawBlock[] = [
    line('目 录', 1),
    line('部门预算一般公共预算财政拨款支出表', 1), // a contents entry: no table under it
    { kind: 'page-break', page: 2 },
    line('部门预算一般公共预算财政拨款支出表', 2, { centered: true, bold: true }),
    line('151001廊坊市广阳区人民政府办公室', 2),
    line('本级          预算年度：2023          单位：万元', 2),
    grid(
      [
        ...t5Header(2),
        row(['1', '', '合计', '1688.05', '1578.05', '110.00'], 2),
        row(['2', '201', '一般公共服务支出', '1292.02', '1182.02', '110.00'], 2),
        row(['3', '2080505', '机关事业单位', '104.61', '104.61', ''], 2),
      ],
      2,
      false,
      true,
    ),
    line('2', 2), // page number
    { kind: 'page-break', page: 3 },
    line('151001廊坊市广阳区人民政府办公室本级   预算年度：2023   单位：万元', 3),
    grid(
      [
        ...t5Header(3, '档次'),
        row(['', '', '单位基本 养老保险 缴费支出', '', '', ''], 3), // row 3 cut by the page break, both pages print 单位
        row(['4', '210', '卫生健康支出', '74.91', '74.91', ''], 3),
      ],
      3,
      true,
      false,
    ),
    line('注：无政府性基金预算财政拨款，空表列示。', 3),
    line('廊坊市广阳区人民政府办公室本级2023年单位预算信息公开情况说明', 4, { centered: true }),
    line('一、单位职责及机构设置情况', 4, { bold: true }),
    line('（一）围绕区政府各时期的中心工作和重点工作，加强调查研究，及时了解、掌握经济和社', 4),
    line('会发展动态，及时反应信息情况，提出建议。', 4),
    line('（二）负责区政府各种会议的准备工作，协助区政领导同志组织各类会议，做好会议服务工', 4),
    line('作。', 4),
    line('单位机构设置情况', 4, { centered: true }),
    grid([row(['单位名称', '单位性质'], 4), row(['廊坊市广阳区人民政府办公室本级', '行政'], 4)], 4, false, false),
    line('二、单位预算安排的总体情况', 5),
    line('1、政务服务管理经费绩效目标表', 5),
    grid([row(['绩效目标', '1.保障工作有序进行。'], 5)], 5, false, false),
    grid(
      [row(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'], 5), row(['产出指标', '数量指标', '日常工作完成率', '完成工作量占比', '≥95%', '计划标准'], 5)],
      5,
      false,
      false,
    ),
    line('注：同一采购目录序号的物品，其单价会因配置规格不同而变动。', 5),
    line('注：无政府采购预算，空表列示。', 5),
  ];
  return { format: 'pdf', pageCount: 5, blocks };
}

describe('assembler', () => {
  it('joins a table over pages: repeated meta, header and 档次 row dropped, cut rows joined', () => {
    const doc = assembleDocument(pdfDoc());
    expect(doc.tables.map((t) => t.key)).toEqual(['t5']);
    const t5 = doc.tables[0]!;
    expect(t5.title).toBe('部门预算一般公共预算财政拨款支出表');
    expect(t5.lanes).toEqual(['栏次', '1', '2', '3', '4', '5']);
    expect(t5.header.rows).toEqual([
      ['序号', '功能分类科目', '', '合计', '基本支出', '项目支出'],
      ['', '科目编码', '科目名称', '', '', ''],
    ]);
    expect(t5.header.merges).toEqual([[0, 0, 1, 0], [0, 1, 0, 2], [0, 3, 1, 3], [0, 4, 1, 4], [0, 5, 1, 5]]);
    expect(t5.rows).toEqual([
      ['1', '', '合计', '1688.05', '1578.05', '110.00'],
      ['2', '201', '一般公共服务支出', '1292.02', '1182.02', '110.00'],
      ['3', '2080505', '机关事业单位基本养老保险缴费支出', '104.61', '104.61', ''],
      ['4', '210', '卫生健康支出', '74.91', '74.91', ''],
    ]);
    expect(t5.note).toBe('注：无政府性基金预算财政拨款，空表列示。');
    expect(t5.pages).toEqual([2, 3]);
    expect(t5.sources.map((r) => r.length)).toEqual(t5.rows.map((r) => r.length));
    expect(t5.sources[2]![2]).toEqual({ page: 2 }); // a joined cell keeps its first page
    expect(doc).toMatchObject({ scope: '部门', department_code: '151001', department: '廊坊市广阳区人民政府办公室本级', year: 2023, unit: '万元' });
  });

  it('joins the fragments of a page-cut row without spaces, numbers whole, overlap removed', () => {
    expect(joinCut('二十、住房保障支', '出')).toBe('二十、住房保障支出');
    expect(joinCut('1292', '.02')).toBe('1292.02');
    expect(joinCut('22.4', '7')).toBe('22.47');
    expect(joinCut('2101', '102')).toBe('2101102');
    expect(joinCut('机关事业单位', '单位基本养老保险缴费支出')).toBe('机关事业单位基本养老保险缴费支出');
    const raw = pdfDoc();
    // Page 2 ends inside row 3 with its code, name and amount cut; page 3 prints the rest (序号 again).
    const g2 = raw.blocks.find((b) => b.kind === 'table' && b.page === 2) as RawTableBlock;
    g2.rows[g2.rows.length - 1] = row(['3', '2101', '事业单位医', '22.4', '22.47', ''], 2);
    const g3 = raw.blocks.find((b) => b.kind === 'table' && b.page === 3) as RawTableBlock;
    g3.rows[3] = row(['3', '102', '疗', '7', '', ''], 3);
    const t5 = assembleDocument(raw).tables[0]!;
    expect(t5.rows[2]).toEqual(['3', '2101102', '事业单位医疗', '22.47', '22.47', '']);
    expect(t5.rows).toHaveLength(4);
  });

  it('builds the narrative: title heading, 一、 sections, PDF lines joined into paragraphs, tables pulled out', () => {
    const doc = assembleDocument(pdfDoc());
    expect(doc.narrative.map((s) => s.heading)).toEqual([
      '廊坊市广阳区人民政府办公室本级2023年单位预算信息公开情况说明',
      '一、单位职责及机构设置情况',
      '二、单位预算安排的总体情况',
    ]);
    expect(doc.narrative[1]!.paragraphs).toEqual([
      '（一）围绕区政府各时期的中心工作和重点工作，加强调查研究，及时了解、掌握经济和社会发展动态，及时反应信息情况，提出建议。',
      '（二）负责区政府各种会议的准备工作，协助区政领导同志组织各类会议，做好会议服务工作。',
      '单位机构设置情况',
    ]);
    expect(doc.narrative[1]!.pages).toEqual([4, 4, 4]);
    expect(doc.extra_tables.map((t) => t.title)).toEqual(['单位机构设置情况', '1、政务服务管理经费绩效目标表']);
    const goal = doc.extra_tables[1]!;
    expect(goal.header.rows).toEqual([
      ['绩效目标', '1.保障工作有序进行。', '', '', '', ''],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
    ]);
    expect(goal.header.merges).toEqual([[0, 1, 0, 5]]);
    expect(goal.lanes).toBeNull();
    expect(goal.rows).toEqual([['产出指标', '数量指标', '日常工作完成率', '完成工作量占比', '≥95%', '计划标准']]);
    expect(goal.note).toBe('注：同一采购目录序号的物品，其单价会因配置规格不同而变动。\n注：无政府采购预算，空表列示。');
  });

  it('refuses a document with none of the nine tables', () => {
    const raw: RawDocument = { format: 'docx', pageCount: null, blocks: [line('部门预算收支总表', 1), line('一、部门职责', 1)] };
    expect(() => assembleDocument(raw)).toThrow(AppError);
  });

  it('recognises titles by content, with their printed variants', () => {
    expect(parseTableTitle('单位预算政府基金预算财政拨款支出表')).toMatchObject({ number: 7, scope: '单位', kind: '预算' });
    expect(parseTableTitle('表一 部门预算收支总表')).toMatchObject({ number: 1, title: '部门预算收支总表' });
    expect(parseTableTitle('部 门 预 算 财 政 拨 款 收 支 总 表（续）')).toMatchObject({ number: 4, continued: true });
    expect(parseTableTitle('详见部门预算收支总表')).toBeNull();
    expect(parseTableTitle('部门预算收支总表.....3')).toBeNull();
    // Other layouts: year prefix, labels, remarks, 决算 titles; a label alone is no title.
    expect(parseTableTitle('2025年部门财务收支预算总表')).toMatchObject({ number: 1, title: '2025年部门财务收支预算总表', scope: '部门' });
    expect(parseTableTitle('2024年预算单位一般公共预算基本支出部门预算经济分类预算表')).toMatchObject({ number: 6, scope: '单位' });
    expect(parseTableTitle('公开 05 表 一般公共预算支出预算表（功能科目）')).toMatchObject({ number: 5, title: '一般公共预算支出预算表（功能科目）' });
    expect(parseTableTitle('附件1：2024年部门收支总表')).toMatchObject({ number: 1, title: '2024年部门收支总表' });
    expect(parseTableTitle('表1-2 部门收入总表')).toMatchObject({ number: 2, title: '部门收入总表' });
    expect(parseTableTitle('政府性基金预算财政拨款收入支出决算表')).toMatchObject({ number: 7, kind: '决算' });
    expect(parseTableTitle('一般公共预算财政拨款支出决算表')).toMatchObject({ number: 5, kind: '决算' });
    expect(parseTableTitle('2024年一般公共预算支出表（单位：万元）')).toMatchObject({ number: 5, unit: '万元' });
    expect(parseTableTitle('财政拨款支出预算表（功能科目）')).toMatchObject({ number: null });
    expect(parseTableTitle('2019年政府采购预算表')).toMatchObject({ number: null });
    expect(parseTableTitle('公开 01 表')).toBeNull();
    expect(parseTableTitle('编制部门：上海市普陀区人民政府办公室 单位：元')).toBeNull();
  });

  it('titles a sheet by its tab name when it prints none; units from a title remark or the header', () => {
    const sheetCell = (text: string, sheet: string, extra: Partial<RawCell> = {}): RawCell => ({ text, src: { sheet }, rowSpan: 1, colSpan: 1, ...extra });
    const sheetRow = (texts: string[], sheet: string): RawRow => ({ cells: texts.map((t) => sheetCell(t, sheet)) });
    const raw: RawDocument = {
      format: 'xlsx',
      pageCount: null,
      blocks: [
        { kind: 'paragraph', text: '部门：某某市某某局', src: { sheet: '01 部门收支总表' } },
        { kind: 'table', rows: [sheetRow(['收入', '金额（万元）', '支出', '金额（万元）'], '01 部门收支总表'), sheetRow(['一、一般公共预算拨款收入', '10.00', '一、一般公共服务支出', '10.00'], '01 部门收支总表')] },
        { kind: 'table', rows: [sheetRow(['科目编码', '科目名称', '合计'], '表5'), sheetRow(['201', '一般公共服务支出', '10.00'], '表5')] },
        { kind: 'paragraph', text: '2024年一般公共预算支出表（单位：元）', src: { sheet: '表6' } },
        { kind: 'table', rows: [sheetRow(['科目编码', '科目名称', '合计'], '表6'), sheetRow(['201', '一般公共服务支出', '100,000.00'], '表6')] },
      ],
    };
    const doc = assembleDocument(raw);
    // 表5 names no table: its grid is no standard table. The first sheet's title is its tab name.
    expect(doc.tables.map((t) => [t.key, t.title, t.unit])).toEqual([
      ['t1', '部门收支总表', '万元'],
      ['t5', '2024年一般公共预算支出表（单位：元）', '元'],
    ]);
    expect(doc.tables[0]!.rows).toEqual([['一、一般公共预算拨款收入', '10.00', '一、一般公共服务支出', '10.00']]);
    expect(doc).toMatchObject({ department: '某某市某某局', year: 2024, department_code: null });
  });

  it('cleans header cells: wrap padding out, letter spacing kept', () => {
    expect(normalizeHeaderCell('科目    编码')).toBe('科目编码');
    expect(normalizeHeaderCell('财政拨款\n收入')).toBe('财政拨款收入');
    expect(normalizeHeaderCell('项  目')).toBe('项  目');
    expect(normalizeHeaderCell('资 金 性 质')).toBe('资 金 性 质');
    expect(normalizeHeaderCell('2023年  预留中  小微企  业份额')).toBe('2023年预留中小微企业份额');
  });
});

describe('xlsx number formats', () => {
  it('shows numbers as Excel displays them', () => {
    expect(formatNumber(110, '0.00')).toBe('110.00');
    expect(formatNumber(1688.05, '#,##0.00')).toBe('1,688.05');
    expect(formatNumber(0.5, '0%')).toBe('50%');
    expect(formatNumber(3, 'General')).toBe('3');
    expect(formatNumber(0.1 + 0.2, undefined)).toBe('0.3');
    expect(formatNumber(-5, '0.00;(0.00)')).toBe('(5.00)');
    expect(formatNumber(-5, '0.00')).toBe('-5.00');
    expect(formatNumber(1234.5, '0.00"万元"')).toBe('1234.50万元');
    expect(formatNumber(0, '0.00;-0.00;""')).toBe('');
    expect(formatNumber(12.3, '#,##0.0_ ')).toBe('12.3');
  });
});
