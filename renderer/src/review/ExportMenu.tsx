// Export → the Excel workbook: with 审核意见 and 修改记录, or the nine tables only. The bytes come back
// over the bridge and are saved as a download (a save dialog in Electron).
import { useState } from 'react';
import { api } from '../bridge';
import { useCommand } from '../hooks';
import { base64ToBytes, downloadBytes, XLSX_MIME } from '../lib/bytes';
import { errorText } from '../lib/errors';

export function ExportMenu({ submissionId, onError }: { submissionId: number; onError: (msg: string) => void }) {
  const [busy, setBusy] = useState<'full' | 'plain' | null>(null);
  const run = async (plain: boolean) => {
    if (busy) return;
    setBusy(plain ? 'plain' : 'full');
    try {
      const r = await api('export.workbook', { submissionId, plain });
      if (r.dataBase64) downloadBytes(base64ToBytes(r.dataBase64), plain ? r.fileName.replace(/\.xlsx$/i, '_九张表.xlsx') : r.fileName, XLSX_MIME);
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  useCommand('export', () => void run(false));
  useCommand('export-plain', () => void run(true));
  return (
    <div className="export-menu">
      <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void run(false)} title="九张表 + 审核意见 + 修改记录（Ctrl+E）">
        {busy === 'full' ? '正在导出…' : '导出 Excel（含审核意见）'}
      </button>
      <button type="button" className="btn" disabled={busy !== null} onClick={() => void run(true)} title="仅九张表，不含标注（Ctrl+Shift+E）">
        {busy === 'plain' ? '正在导出…' : '仅九张表'}
      </button>
    </div>
  );
}
