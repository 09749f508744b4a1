// completeness — a standard table missing, a required 情况说明 section missing, section headings whose
// numbering breaks the sequence (一、二、三、…).
import { TABLE_DEFS } from '../../model/tables.js';
import { leadingNumber, squash } from '../lib/labels.js';
import type { Draft, Rule } from '../types.js';

/** The sections every 部门/单位预算 情况说明 carries (names vary by year; matched by their key words). */
export const REQUIRED_SECTIONS: { name: string; pattern: RegExp }[] = [
  { name: '部门（单位）职责及机构设置情况', pattern: /职责|机构设置/ },
  { name: '预算安排的总体情况', pattern: /总体情况|收支预算情况|预算安排情况/ },
  { name: '机关运行经费安排情况', pattern: /机关运行经费|运行经费/ },
  { name: '财政拨款“三公”经费预算情况', pattern: /三公/ },
  { name: '预算绩效信息', pattern: /绩效/ },
  { name: '政府采购预算情况', pattern: /政府采购/ },
  { name: '国有资产信息', pattern: /国有资产|固定资产|资产占用/ },
  { name: '名词解释', pattern: /名词解释/ },
];

const at = (table: string, row: string | null, message: string, severity: Draft['severity']): Draft => ({
  rule: 'completeness', severity, cell: { table, row, column: null }, related: [], expected: null, actual: null, message,
});

export const completeness: Rule = {
  id: 'completeness',
  title: '完整性：九张标准表、情况说明各部分齐全，章节编号连续',
  reads: '标准表清单、情况说明各部分标题',
  run: (ctx) => {
    const out: Draft[] = [];
    const scope = ctx.doc.scope || '部门';
    for (const def of TABLE_DEFS) {
      const why = ctx.unreadable.get(def.key);
      if (why) out.push(at(def.key, null, `${scope}预算${def.name}未能逐格读取（${why}），未做勾稽检查，请对照原件复核`, 'warning'));
      else if (!ctx.table(def.key)) out.push(at(def.key, null, `缺少标准表：${scope}预算${def.name}`, 'error'));
    }
    const sections = ctx.doc.narrative ?? [];
    if (sections.length === 0 || sections.every((s) => s.paragraphs.length === 0 && !squash(s.heading))) {
      out.push(at('narrative', null, '未找到情况说明（部门预算信息公开情况说明）', 'warning'));
      return out;
    }
    // A heading, or a short heading-like paragraph where the reader kept sub-headings as text.
    const headings = sections.map((s) => squash(s.heading));
    const shortLines = sections.flatMap((s) => s.paragraphs.map(squash).filter((p) => p.length <= 40 && leadingNumber(p)));
    for (const req of REQUIRED_SECTIONS) {
      if (headings.some((h) => req.pattern.test(h)) || shortLines.some((p) => req.pattern.test(p))) continue;
      out.push(at('narrative', null, `情况说明缺少“${req.name}”部分`, 'warning'));
    }
    // Numbering: the top-level headings run 一、二、三…; a section printed "5、" in that run, or a
    // skipped number, is a presentation defect worth a remark.
    let expected = 1;
    let seenChinese = false;
    for (const s of sections) {
      const n = leadingNumber(s.heading);
      if (!n) continue;
      if (n.chinese) {
        if (seenChinese && n.value !== expected) {
          out.push(at('narrative', s.heading, `情况说明标题“${s.heading.trim()}”编号不连续（应为第${expected}部分）`, 'warning'));
        }
        seenChinese = true;
        expected = n.value + 1;
      } else if (seenChinese && n.value === expected) {
        out.push(at('narrative', s.heading, `情况说明标题“${s.heading.trim()}”用阿拉伯数字编号，与其他部分的“一、二、三”格式不一致`, 'warning'));
        expected = n.value + 1;
      }
    }
    return out;
  },
};
