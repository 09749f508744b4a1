// form-sum on the real 财政项目支出绩效目标填报表 of a published Shanghai 部门预算 (five forms, read from the
// PDF as label/amount grids): the one whose 其中：当年财政拨款 exceeds its 年度资金申请总额 is found, the four
// others pass; an edit that breaks a complete breakdown (…+ 其他资金) is found, a partial one is not.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../main/checks/index.js';
import { findingWords, placeNamer } from '../../main/model/places.js';
import type { BudgetDocument } from '../../main/model/types.js';
import { readDisclosure } from '../../main/readers/index.js';
import { fixture } from '../helpers/paths.js';

let doc: BudgetDocument;
const formSums = (d: BudgetDocument) => runChecks(d).filter((f) => f.rule === 'form-sum');

/** A copy with the first cell reading `from` in the form of project `project` set to `to`. */
function edit(d: BudgetDocument, project: string, from: string, to: string): BudgetDocument {
  const copy = structuredClone(d);
  const form = copy.extra_tables.find((t) => t.rows.some((r) => r.includes(project)))!;
  for (const row of form.rows) {
    const c = row.indexOf(from);
    if (c >= 0) {
      row[c] = to;
      return copy;
    }
  }
  throw new Error(`no ${from} in ${project}`);
}

beforeAll(async () => {
  const file = fixture('real', 'SH-PT-wanli-2023-dept-budget.pdf');
  doc = await readDisclosure(new Uint8Array(fs.readFileSync(file)), 'SH-PT-wanli-2023-dept-budget.pdf');
}, 60_000);

describe('form-sum (项目支出绩效目标表)', () => {
  it('finds the published form whose 当年财政拨款 exceeds its 年度资金申请总额, and only that one', () => {
    expect(doc.extra_tables.filter((t) => /绩效目标/.test(t.title))).toHaveLength(5);
    const f = formSums(doc);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', table: 'document', page: 35, expected: 10903043, actual: 11419043 });
    expect(f[0]!.message).toContain('公共服务设施运行经费');
    // The review screen and the 审核意见 name the form, not a row number.
    expect(findingWords(placeNamer(doc), f[0]!).place).toBe('全文 · 财政项目支出绩效目标填报表（公共服务设施运行经费）');
    expect(f[0]!.message).toContain('其中：当年财政拨款 11,419,043.00元 超过 年度资金申请总额 10,903,043.00元（多 516,000.00元）');
  });

  it('passes once the figure is put right', () => {
    expect(formSums(edit(doc, '公共服务设施运行经费', '11,419,043.00', '10,903,043.00'))).toEqual([]);
  });

  it('a complete breakdown (ending with 其他资金) must add up: 上年结转资金 changed on a form that passed', () => {
    const d = edit(doc, '就业援助基地补贴', '0.00', '1,000.00');
    const f = formSums(d).filter((x) => x.message.includes('就业援助基地补贴'));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('≠ 其中各项之和');
  });

  it('a 其中 line less than its total with no 其他 line after it is a part, not an error', () => {
    const d = structuredClone(doc);
    const form = d.extra_tables.find((t) => t.rows.some((r) => r.includes('就业援助基地补贴')))!;
    // Keep only 项目资金总额 and its 其中：财政资金 line, at half the total.
    const at = form.rows.findIndex((r) => r.includes('项目资金总额'));
    form.rows = [form.rows[0]!, form.rows[at]!.slice(0, 5), ['', '', '其中：财政资金', '', '3,000,000.00']];
    expect(formSums(d).filter((x) => x.message.includes('就业援助基地补贴'))).toEqual([]);
  });

  it('speaks in the form’s own unit: a form in 万元', () => {
    let d = edit(doc, '公共服务设施运行经费', '项目资金（元）', '项目资金（万元）');
    const changes: [string, string][] = [
      ['10,903,043.00', '1,090.30'],
      ['10,903,043.00', '1,090.30'],
      ['10,903,043.00', '1,090.30'],
      ['11,419,043.00', '1,141.90'],
    ];
    for (const [from, to] of changes) d = edit(d, '公共服务设施运行经费', from, to);
    const f = formSums(d);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: 1090.3, actual: 1141.9 });
    expect(f[0]!.message).toContain('其中：当年财政拨款 1141.90万元 超过 年度资金申请总额 1090.30万元（多 51.60万元）');
  });
});
