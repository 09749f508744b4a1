// completeness — a standard table missing (of those the layout family prints: Jiangsu prints no 国有资本经营
// table), a required section of the family's narrative missing, section headings whose numbering breaks
// the sequence (一、二、三、…). A file that holds only the narrative gets one remark that its tables are
// published in another file — not nine missing tables.
import { expectedTables, familyById } from '../../model/families/index.js';
import { re } from '../../model/lexicon/titles.js';
import { leadingNumber, squash } from '../lib/labels.js';
import { TABLE_NAMES } from '../lib/names.js';
import type { CheckContext, Draft, Rule } from '../types.js';

/** Sections every disclosure carries when its layout family is unknown (matched by their key words). */
const GENERIC_SECTIONS: { name: string; pattern: string; required?: boolean }[] = [
  { name: '部门（单位）职责及机构设置情况', pattern: '职责|机构设置|主要职能|部门概况' },
  { name: '预算安排的总体情况', pattern: '总体情况|收支预算情况|预算安排情况|编制说明' },
  { name: '机关运行经费安排情况', pattern: '机关运行经费|运行经费' },
  { name: '财政拨款“三公”经费预算情况', pattern: '三公' },
  { name: '预算绩效信息', pattern: '绩效' },
  { name: '政府采购预算情况', pattern: '政府采购' },
  { name: '国有资产信息', pattern: '国有资产|固定资产|资产占用' },
  { name: '名词解释', pattern: '名词解释' },
];

const at = (table: string, row: string | null, message: string, severity: Draft['severity']): Draft => ({
  rule: 'completeness', severity, cell: { table, row, column: null }, related: [], expected: null, actual: null, message,
});

function sectionsOf(ctx: CheckContext): { name: string; pattern: string; required?: boolean }[] {
  const family = familyById(ctx.family);
  const defs = family?.narrative?.sections;
  // A known family names its own sections; only the required ones are missed when absent.
  return defs ? defs.filter((d) => d.required) : GENERIC_SECTIONS;
}

export const completeness: Rule = {
  id: 'completeness',
  title: '完整性：该版式应有的标准表、情况说明各部分齐全，章节编号连续',
  reads: '标准表清单、情况说明各部分标题',
  run: (ctx) => {
    const out: Draft[] = [];
    const scope = ctx.doc.scope || '部门';
    const sections = ctx.doc.narrative ?? [];
    const hasNarrative = sections.some((s) => s.paragraphs.length > 0 || squash(s.heading));
    if ((ctx.doc.tables ?? []).length === 0 && hasNarrative) {
      out.push(at('document', null, '本文件只有情况说明，未含预算表：表格应另册公开，请与表格文件一并审核', 'info'));
    } else {
      for (const key of expectedTables(familyById(ctx.family), ctx.doc.kind ?? '预算')) {
        const why = ctx.unreadable.get(key);
        const name = TABLE_NAMES[key];
        if (why) out.push(at(key, null, `${scope}${name}未能逐格读取（${why}），未做勾稽检查，请对照原件复核`, 'warning'));
        else if (!ctx.doc.tables.some((t) => t.key === key)) out.push(at(key, null, `缺少标准表：${scope}${name}`, 'error'));
      }
    }
    if (!hasNarrative) {
      out.push(at('narrative', null, `未找到情况说明（${scope}${ctx.doc.kind === '决算' ? '决算' : '预算'}信息公开情况说明）`, 'warning'));
      return out;
    }
    const headings = sections.map((s) => squash(s.heading));
    const shortLines = sections.flatMap((s) => s.paragraphs.map(squash).filter((p) => p.length <= 40 && leadingNumber(p)));
    for (const req of sectionsOf(ctx)) {
      const pattern = re(req.pattern);
      if (headings.some((h) => pattern.test(h)) || shortLines.some((p) => pattern.test(p))) continue;
      out.push(at('narrative', null, `情况说明缺少“${req.name}”部分`, 'warning'));
    }
    // Numbering: the top-level headings run 一、二、三…; a section printed "5、" in that run, or a skipped
    // number, is a presentation defect worth a remark.
    let expected = 1;
    let seenChinese = false;
    for (const s of sections) {
      const n = leadingNumber(s.heading);
      if (!n) continue;
      if (n.chinese) {
        if (seenChinese && n.value !== expected && n.value !== 1) {
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
