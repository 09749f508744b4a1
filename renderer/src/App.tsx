// The workstation's first screen: the archive of submissions (the review screens build on it).
import { useEffect, useState } from 'react';
import type { SubmissionSummary } from '../../main/api/types';
import { api } from './bridge';

export function App() {
  const [rows, setRows] = useState<SubmissionSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api('archive.list', {}).then(setRows, (e: Error) => setError(e.message));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif', padding: 16 }}>
      <h1>部门预算审核工作台</h1>
      {error && <p role="alert">{error}</p>}
      <table>
        <thead>
          <tr><th>部门代码</th><th>部门</th><th>年度</th><th>版本</th><th>错误</th><th>警告</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.departmentCode}</td><td>{r.department}</td><td>{r.year}</td><td>v{r.version}</td>
              <td>{r.findingCounts.error}</td><td>{r.findingCounts.warning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
