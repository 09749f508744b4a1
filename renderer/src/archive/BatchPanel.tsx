// The batch in progress: a progress bar and one result line per file (stored, already archived, or why not).
import type { BatchState } from './useImport';

/** What an import did, as the batch list says it. */
const IMPORT_STATUS = {
  stored: '已导入',
  duplicate: '已在档案中',
  joined: '已并入同一报送（表格与说明分两个文件公开）',
  'same-content': '与已存档报送内容相同，作为另一格式的文件保存',
} as const;

export function BatchPanel({ batch, onOpen, onClose }: { batch: BatchState; onOpen: (id: number) => void; onClose: () => void }) {
  const pct = batch.total ? Math.round((batch.done / batch.total) * 100) : 0;
  const stored = batch.items.filter((i) => i.status === 'stored').length;
  const dup = batch.items.filter((i) => i.status === 'duplicate').length;
  const failed = batch.items.filter((i) => i.status === 'error').length;
  return (
    <section className="batch" aria-label="导入进度" data-running={batch.running ? 'true' : 'false'}>
      <header className="batch-head">
        <strong>{batch.label}</strong>
        <span className="batch-count" data-testid="batch-count">
          {batch.done} / {batch.total || '…'}
        </span>
        <span className="batch-summary">
          新增 {stored} · 已存在 {dup} · <span className={failed ? 'sev-text-error' : undefined}>无法读取 {failed}</span>
        </span>
        {!batch.running && (
          <button type="button" className="btn-link" onClick={onClose}>
            关闭
          </button>
        )}
      </header>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={batch.total} aria-valuenow={batch.done}>
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      {batch.running && batch.current && <div className="batch-current">正在读取：{batch.current}</div>}
      <ol className="batch-list" data-testid="batch-results">
        {batch.items.map((item, i) => (
          <li key={i} className={`batch-item batch-${item.status}`} data-status={item.status}>
            <span className="batch-icon" aria-hidden>
              {item.status === 'error' ? '✕' : item.status === 'duplicate' || item.status === 'same-content' ? '＝' : '✓'}
            </span>
            <span className="batch-file">{item.fileName}</span>
            {item.status === 'error' ? (
              <span className="batch-reason" title={item.error?.en}>
                {item.error?.zh}
              </span>
            ) : (
              <span className="batch-reason">
                {IMPORT_STATUS[item.status]}：{item.submission!.departmentCode}
                {item.submission!.department} {item.submission!.year} 年{item.submission!.kind} 第 {item.submission!.version} 版
                <button type="button" className="btn-link" onClick={() => onOpen(item.submission!.id)}>
                  打开
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
