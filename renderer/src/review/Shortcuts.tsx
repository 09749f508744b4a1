// F1: every keyboard shortcut of the review screen in one list.
import { useEffect } from 'react';

const KEYS: [string, string][] = [
  ['F8 / Shift+F8', '下一个 / 上一个问题'],
  ['Alt+C', '确认当前问题'],
  ['Alt+X', '排除当前问题'],
  ['Alt+O', '重新打开当前问题'],
  ['方向键、Tab、PageUp/PageDown、Home/End', '在表格中移动'],
  ['Enter / F2，或直接输入', '修改所选单元格'],
  ['Esc', '取消修改'],
  ['Ctrl+Z / Ctrl+Y', '撤销 / 重做修改'],
  ['Ctrl+F，F3 / Shift+F3', '在表格中查找，下一个 / 上一个'],
  ['Ctrl+P', '打印预览本表'],
  ['Ctrl+E / Ctrl+Shift+E', '导出 Excel（含审核意见 / 仅九张表）'],
  ['Ctrl+1', '返回档案库'],
  ['F1', '显示或关闭本列表'],
];

export function Shortcuts({ onClose }: { onClose: () => void }) {
  useEffect(() => {
    const on = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, [onClose]);
  return (
    <div className="modal-back" onClick={onClose}>
      <div className="modal" role="dialog" aria-label="快捷键" onClick={(e) => e.stopPropagation()}>
        <h2>快捷键</h2>
        <table className="keys">
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={k}>
                <td className="mono">{k}</td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="btn" autoFocus onClick={onClose}>
          关闭
        </button>
      </div>
    </div>
  );
}
