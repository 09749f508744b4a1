// The standard tables of the document's kind as tabs (t1–t9 for a 预算, d1–d9 for a 决算, plus 情况说明 and
// 修改记录): each with its open findings and its reviewed mark. The strip wraps rather than cutting tabs off.
import type { SubmissionView, ViewFinding } from '../../../main/api/types';
import { TABLE_SHORT, keysOfKind } from '../lib/labels';
import { useWords } from '../lib/words';
import { isActive, worstSeverity } from './findingIndex';

interface Props {
  view: SubmissionView;
  byTable: Map<string, ViewFinding[]>;
  tab: string;
  onTab: (tab: string) => void;
}

export function TableTabs({ view, byTable, tab, onTab }: Props) {
  const words = useWords();
  const present = new Set(view.document.tables.map((t) => t.key));
  const reviewed = new Set(view.reviewed);
  const live = view.corrections.filter((c) => c.undoneAt === null).length;
  const badge = (key: string) => {
    const list = byTable.get(key) ?? [];
    const worst = worstSeverity(list);
    const n = list.filter(isActive).length;
    return worst ? (
      <span className={`tab-count sev-${worst}`} title={`${n} 个待处理问题（最严重：${words.severities[worst]}）`}>
        {n}
      </span>
    ) : null;
  };
  return (
    <nav className="tabs" role="tablist" aria-label="公开表格">
      {keysOfKind(view.document.kind).map((k, i) => (
        <button
          key={k}
          type="button"
          role="tab"
          aria-selected={tab === k}
          data-tab={k}
          className={`tab${tab === k ? ' active' : ''}${present.has(k) ? '' : ' missing'}`}
          title={present.has(k) ? words.tables[k] : `${words.tables[k]}（文件中未找到）`}
          onClick={() => onTab(k)}
        >
          <span className="tab-no">{i + 1}</span>
          {TABLE_SHORT[k]}
          {reviewed.has(k) && <span className="tab-check" aria-label="已审核">✓</span>}
          {badge(k)}
        </button>
      ))}
      <button type="button" role="tab" aria-selected={tab === 'narrative'} data-tab="narrative" className={`tab${tab === 'narrative' ? ' active' : ''}`} onClick={() => onTab('narrative')}>
        情况说明
        {badge('narrative')}
      </button>
      <button type="button" role="tab" aria-selected={tab === 'trail'} data-tab="trail" className={`tab${tab === 'trail' ? ' active' : ''}`} onClick={() => onTab('trail')}>
        修改记录
        {live > 0 && <span className="tab-count neutral">{live}</span>}
      </button>
      <button type="button" role="tab" aria-selected={tab === 'opinion'} data-tab="opinion" className={`tab${tab === 'opinion' ? ' active' : ''}`} onClick={() => onTab('opinion')}>
        审核意见书
      </button>
    </nav>
  );
}
