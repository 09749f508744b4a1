// Plain-text output of the command line for people (the JSON forms are for programs).
import type { ImportResult, SubmissionSummary } from '../api/types.js';
import type { ErrorData } from '../model/errors.js';

/** The one line a failure prints (CONTRACT: a reason in Chinese and English on one line). */
export function errorLine(e: Pick<ErrorData, 'zh' | 'en'>, file?: string): string {
  const one = (s: string) => s.replace(/\s+/g, ' ').trim();
  return `${file ? `${file}: ` : ''}错误：${one(e.zh)}  Error: ${one(e.en)}`;
}

/** 2 for input the user can do something about, 1 for an internal error. */
export const exitCodeOf = (e: Pick<ErrorData, 'code'>): 1 | 2 => (e.code === 'internal' ? 1 : 2);

export function formatImport(file: string, r: ImportResult): string {
  const s = r.submission;
  const what = {
    stored: '已存储 / stored',
    duplicate: '已存档（相同文件已存在，未重复存储） / already stored',
    joined: '已并入同一报送（说明与表格分两个文件） / joined to the same submission',
    'same-content': '内容与已存档报送相同，作为另一文件保存 / same content as the archived submission, kept beside it',
  }[r.status];
  const c = s.findingCounts;
  return `${file}: ${what} #${s.id} ${s.departmentCode ? s.departmentCode + ' ' : ''}${s.department} ${s.year} ${s.kind} 第${s.version}版 (v${s.version}) — 错误 ${c.error} 警告 ${c.warning} 提示 ${c.info}`;
}

export function formatList(rows: SubmissionSummary[]): string {
  if (rows.length === 0) return '档案库为空 / the archive is empty';
  const lines = ['编号\t部门代码\t部门\t年度\t类别\t版本\t格式\t错误\t警告\t导入时间'];
  for (const s of rows) {
    lines.push([s.id, s.departmentCode, s.department, s.year, s.kind, `v${s.version}`, s.format, s.findingCounts.error, s.findingCounts.warning, s.importedAt].join('\t'));
  }
  return lines.join('\n');
}
