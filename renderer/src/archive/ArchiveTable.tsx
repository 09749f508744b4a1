// Departments × years × versions: one group per department, its submissions newest first, each with its
// status (open findings by severity, share of tables reviewed, corrections).
import { useMemo, useState } from 'react';
import type { SubmissionSummary } from '../../../main/api/types';
import { FORMAT_LABEL, formatTime } from '../lib/labels';

interface Group {
  key: string;
  code: string;
  name: string;
  years: number[];
  rows: SubmissionSummary[];
}

function groupByDepartment(rows: SubmissionSummary[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = `${r.departmentCode}|${r.department}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, code: r.departmentCode, name: r.department, years: [], rows: [] }));
    g.rows.push(r);
    if (!g.years.includes(r.year)) g.years.push(r.year);
  }
  for (const g of groups.values()) {
    g.rows.sort((a, b) => b.year - a.year || b.version - a.version);
    g.years.sort((a, b) => b - a);
  }
  return [...groups.values()].sort((a, b) => a.code.localeCompare(b.code, 'zh') || a.name.localeCompare(b.name, 'zh'));
}

/** The newest version of each year: its open errors, for the folded group's line. */
function groupStatus(rows: SubmissionSummary[]): string {
  const latest = new Map<number, SubmissionSummary>();
  for (const r of rows) if (!latest.has(r.year)) latest.set(r.year, r);
  const errors = [...latest.values()].reduce((n, r) => n + r.findingCounts.error, 0);
  return errors ? ` · 最新版本待处理错误 ${errors} 个` : '';
}

export function ArchiveTable({ rows, onOpen, onDelete }: { rows: SubmissionSummary[]; onOpen: (id: number) => void; onDelete: (s: SubmissionSummary) => void }) {
  const groups = useMemo(() => groupByDepartment(rows), [rows]);
  const [folded, setFolded] = useState<Set<string>>(() => new Set());
  const toggle = (key: string) => setFolded((f) => (f.has(key) ? new Set([...f].filter((k) => k !== key)) : new Set([...f, key])));
  return (
    <table className="archive-table" data-testid="archive-table">
      <thead>
        <tr>
          <th className="col-year">年度</th>
          <th className="col-ver">类型与版本</th>
          <th>文件</th>
          <th className="col-time">导入时间</th>
          <th className="col-num">错误</th>
          <th className="col-num">警告</th>
          <th className="col-num">提示</th>
          <th className="col-progress">审核进度</th>
          <th className="col-num">修改</th>
          <th className="col-act" aria-label="操作" />
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g.key} className="dept-group" data-department={g.name}>
          <tr className="dept-row" onClick={() => toggle(g.key)} aria-expanded={!folded.has(g.key)}>
            <th colSpan={10} scope="rowgroup">
              <span className="fold" aria-hidden>
                {folded.has(g.key) ? '▸' : '▾'}
              </span>
              <span className="dept-code">{g.code}</span>
              <span className="dept-name">{g.name}</span>
              <span className="dept-meta">
                {g.years.join('、')} 年 · {g.rows.length} 份报送
                {groupStatus(g.rows)}
              </span>
            </th>
          </tr>
          {!folded.has(g.key) && g.rows.map((r) => {
            const pct = r.tableCount ? Math.round((r.reviewedTables / r.tableCount) * 100) : 0;
            return (
              <tr
                key={r.id}
                className="sub-row"
                tabIndex={0}
                data-submission={r.id}
                onDoubleClick={() => onOpen(r.id)}
                onKeyDown={(e) => e.key === 'Enter' && onOpen(r.id)}
              >
                <td className="col-year">{r.year}</td>
                <td className="col-ver">
                  {r.kind} 第 {r.version} 版
                </td>
                <td className="col-file" title={r.fileName}>
                  <button type="button" className="btn-link open-link" onClick={() => onOpen(r.id)}>
                    {r.fileName}
                  </button>
                  <span className="fmt-badge">{FORMAT_LABEL[r.format]}</span>
                </td>
                <td className="col-time">{formatTime(r.importedAt)}</td>
                <td className="col-num">{r.findingCounts.error ? <span className="count sev-error">{r.findingCounts.error}</span> : <span className="zero">0</span>}</td>
                <td className="col-num">{r.findingCounts.warning ? <span className="count sev-warning">{r.findingCounts.warning}</span> : <span className="zero">0</span>}</td>
                <td className="col-num">{r.findingCounts.info ? <span className="count sev-info">{r.findingCounts.info}</span> : <span className="zero">0</span>}</td>
                <td className="col-progress">
                  <div className="mini-progress" title={`已审核 ${r.reviewedTables} / ${r.tableCount} 张表`}>
                    <div className="mini-progress-fill" style={{ width: `${pct}%` }} />
                  </div>
                  <span className="pct">{pct}%</span>
                </td>
                <td className="col-num">{r.correctionCount || ''}</td>
                <td className="col-act">
                  <button type="button" className="btn-icon" title="从档案中删除" aria-label="删除" onClick={() => onDelete(r)}>
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}
