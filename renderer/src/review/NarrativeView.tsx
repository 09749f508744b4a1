// The 情况说明 as read, section by section, with the sentences the checks flagged highlighted and the
// message beside the paragraph.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { NarrativeSection, ViewFinding } from '../../../main/api/types';
import { useWords } from '../lib/words';
import { isActive } from './findingIndex';

interface Props {
  sections: NarrativeSection[];
  findings: readonly ViewFinding[];
  focusKey: string | null;
  onOpenFinding: (f: ViewFinding) => void;
  /** A paragraph clicked: the file it was read from (null: the first file) and its page. */
  onParagraph: (file: string | null, page: number | null) => void;
}

/** The paragraph text with each quoted sentence marked (first occurrence; whitespace-insensitive fallback). */
function marked(text: string, flagged: readonly ViewFinding[], focusKey: string | null): ReactNode {
  const spans: { start: number; end: number; f: ViewFinding }[] = [];
  for (const f of flagged) {
    const quote = f.paragraph?.quote?.trim();
    if (!quote) continue;
    const at = text.indexOf(quote);
    if (at >= 0) spans.push({ start: at, end: at + quote.length, f });
  }
  spans.sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue; // overlapping quotes: the first one wins
    if (s.start > pos) out.push(text.slice(pos, s.start));
    out.push(
      <mark key={s.start} className={`flag sev-mark-${s.f.severity}${s.f.key === focusKey ? ' focus' : ''}`} title={s.f.message}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    pos = s.end;
  }
  out.push(text.slice(pos));
  return out;
}

export function NarrativeView({ sections, findings, focusKey, onOpenFinding, onParagraph }: Props) {
  const words = useWords();
  const box = useRef<HTMLDivElement>(null);
  const { byParagraph, loose } = useMemo(() => {
    const byParagraph = new Map<string, ViewFinding[]>();
    const loose: ViewFinding[] = [];
    const known = new Set(sections.map((s) => s.heading));
    for (const f of findings) {
      if (!isActive(f) && f.key !== focusKey) continue;
      const p = f.paragraph;
      if (p && known.has(p.heading)) {
        const k = `${p.heading}|${p.index}`;
        byParagraph.set(k, [...(byParagraph.get(k) ?? []), f]);
      } else loose.push(f);
    }
    return { byParagraph, loose };
  }, [sections, findings, focusKey]);

  useEffect(() => {
    box.current?.querySelector('.para.focus')?.scrollIntoView({ block: 'center' });
  }, [focusKey]);

  return (
    <div className="narrative" ref={box} data-testid="narrative">
      {loose.length > 0 && (
        <div className="narr-loose">
          {loose.map((f) => (
            <button key={f.key} type="button" className={`note sev-border-${f.severity}`} onClick={() => onOpenFinding(f)}>
              <span className={`sev-badge sev-${f.severity}`}>{words.severities[f.severity]}</span> {f.message}
            </button>
          ))}
        </div>
      )}
      {sections.length === 0 && <p className="muted">文件中没有读到情况说明。</p>}
      {sections.map((s, si) => (
        <section key={si} className="narr-section">
          <h3>{s.heading}</h3>
          {s.paragraphs.map((p, pi) => {
            const flagged = byParagraph.get(`${s.heading}|${pi}`) ?? [];
            const focus = flagged.some((f) => f.key === focusKey);
            return (
              <div
                key={pi}
                className={`para${flagged.length ? ' flagged' : ''}${focus ? ' focus' : ''}`}
                onClick={() => onParagraph(s.file ?? null, s.pages?.[pi] ?? null)}
              >
                <p>{flagged.length ? marked(p, flagged, focusKey) : p}</p>
                <div className="para-notes">
                  {flagged.map((f) => (
                    <button
                      key={f.key}
                      type="button"
                      className={`note sev-border-${f.severity}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpenFinding(f);
                      }}
                    >
                      <span className={`sev-badge sev-${f.severity}`}>{words.severities[f.severity]}</span> {f.message}
                    </button>
                  ))}
                </div>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
