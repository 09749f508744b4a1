// The 审核意见书 tab: the review's state, the auditor's conclusion, the letter as it will read (the same parts
// the Word file is written from), and the office's steps — download the .docx, print or save as PDF, mark the
// opinion issued, close the review. Comparison with the previous version or another year starts here too.
import { useEffect, useState } from 'react';
import type { OpinionContent, SubmissionView } from '../../../main/api/types';
import { api } from '../bridge';
import { base64ToBytes, downloadBytes } from '../lib/bytes';
import { errorText } from '../lib/errors';
import { formatTime } from '../lib/labels';
import { navigate } from '../lib/route';
import { useWords } from '../lib/words';
import { PrintFrame } from './PrintPreview';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function OpinionLetter({ content }: { content: OpinionContent }) {
  return (
    <article className="opinion-letter" data-testid="opinion-letter">
      <h1>{content.title}</h1>
      <p className="addressee">{content.addressee}</p>
      <p>{content.intro}</p>
      {content.sections.map((s) => (
        <section key={s.heading}>
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {s.table && (
            <table>
              <thead>
                <tr>
                  {s.table.header.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.table.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((v, j) => (
                      <td key={j}>
                        {v.split('\n').map((line, k) => (
                          <div key={k}>{line}</div>
                        ))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <p>{content.closing}</p>
      <div className="signature">
        {content.signature.map((l) => (
          <p key={l}>{l}</p>
        ))}
      </div>
    </article>
  );
}

interface Props {
  view: SubmissionView;
  onUpdate: (change: { conclusion?: string; opinionIssued?: boolean; closed?: boolean }) => Promise<boolean>;
  onError: (message: string) => void;
}

export function OpinionPanel({ view, onUpdate, onError }: Props) {
  const words = useWords();
  const id = view.summary.id;
  const [draft, setDraft] = useState(view.review.conclusion);
  const [content, setContent] = useState<OpinionContent | null>(null);
  const [printing, setPrinting] = useState(false);
  const dirty = draft.trim() !== view.review.conclusion;

  useEffect(() => {
    let live = true;
    api('opinion.content', { submissionId: id }).then(
      (c) => live && setContent(c),
      (e) => live && onError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [id, view, onError]);

  const download = async () => {
    try {
      if (dirty) await onUpdate({ conclusion: draft });
      const r = await api('export.opinion', { submissionId: id });
      downloadBytes(base64ToBytes(r.dataBase64), r.fileName, DOCX_MIME);
    } catch (e) {
      onError(errorText(e));
    }
  };
  const confirmed = view.findings.filter((f) => f.status === 'confirmed').length;
  const open = view.findings.filter((f) => f.status === 'open' && f.severity === 'error').length;
  const r = view.review;

  return (
    <div className="opinion-panel" data-testid="opinion-panel">
      <div className="op-side">
        <div className="op-state">
          <span className={`state-badge state-${r.state}`} data-testid="review-state">
            {words.reviewStates[r.state]}
          </span>
          <span className="muted">
            已确认问题 {confirmed} 项{open ? ` · 待处理错误 ${open} 项` : ''}
          </span>
        </div>
        {view.resubmission && (
          <p className="op-note">
            第 {view.resubmission.previousVersion} 版确认的问题：已整改 {view.resubmission.fixed} 项，仍存在 {view.resubmission.remaining} 项；本版新发现 {view.resubmission.new} 项。
          </p>
        )}
        <label className="op-conclusion">
          审核结论
          <textarea
            aria-label="审核结论"
            rows={7}
            value={draft}
            placeholder="例如：经审核，该部门预算公开表格基本完整，但存在以下问题需整改……"
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => dirty && void onUpdate({ conclusion: draft })}
          />
        </label>
        <div className="op-actions">
          <button type="button" className="btn" disabled={!dirty} onClick={() => void onUpdate({ conclusion: draft })}>
            保存结论
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void download()}>
            下载审核意见书（Word）
          </button>
          <button type="button" className="btn" disabled={!content} onClick={() => setPrinting(true)}>
            打印 / 存为 PDF
          </button>
        </div>
        <div className="op-actions">
          {r.opinionIssuedAt ? (
            <>
              <span className="muted">
                {formatTime(r.opinionIssuedAt)} 由 {r.opinionIssuedBy} 出具
              </span>
              <button type="button" className="btn-link" onClick={() => void onUpdate({ opinionIssued: false })}>
                撤回
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-confirm" onClick={() => void onUpdate({ conclusion: draft, opinionIssued: true })}>
              出具审核意见
            </button>
          )}
          {r.closedAt ? (
            <button type="button" className="btn-link" onClick={() => void onUpdate({ closed: false })}>
              重新打开审核
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => void onUpdate({ closed: true })}>
              办结
            </button>
          )}
        </div>
        <div className="op-compare">
          <span className="muted">比较：</span>
          {view.versions
            .filter((v) => v.id !== id)
            .map((v) => (
              <button key={v.id} type="button" className="btn-link" onClick={() => navigate({ screen: 'compare', id: v.id, otherId: id })}>
                第 {v.version} 版
              </button>
            ))}
          {view.otherYears.map((o) => (
            <button key={o.id} type="button" className="btn-link" onClick={() => navigate({ screen: 'compare', id: o.id, otherId: id })}>
              {o.year} 年{o.kind}
            </button>
          ))}
          {view.versions.length < 2 && view.otherYears.length === 0 && <span className="muted">档案中没有本部门的其他版本或年度</span>}
        </div>
      </div>
      <div className="op-preview">{content ? <OpinionLetter content={content} /> : <div className="loading">正在生成…</div>}</div>
      {printing && content && (
        <PrintFrame title="审核意见书" onClose={() => setPrinting(false)}>
          <OpinionLetter content={content} />
        </PrintFrame>
      )}
    </div>
  );
}
