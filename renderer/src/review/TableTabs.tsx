// The nine tables as tabs (plus 情况说明 and 修改记录): each with its open findings and its reviewed mark.
import type { ReviewFinding, SubmissionView } from '../../../main/api/types';
import { SEVERITY_LABEL, TABLE_KEYS, TABLE_NAMES, TABLE_SHORT } from '../lib/labels';
import { isActive, worstSeverity } from './findingIndex';

interface Props {
  view: SubmissionView;
  byTable: Map<string, ReviewFinding[]>;
  tab: string;
  onTab: (tab: string) => void;
}

export function TableTabs({ view, byTable, tab, onTab }: Props) {
  const present = new Set(view.document.tables.map((t) => t.key));
  const reviewed = new Set(view.reviewed);
  const live = view.corrections.filter((c) => c.undoneAt === null).length;
  const badge = (key: string) => {
    const list = byTable.get(key) ?? [];
    const worst = worstSeverity(list);
    const n = list.filter(isActive).length;
    return worst ? (
      <span className={`tab-count sev-${worst}`} title={`${n} 个待处理问题（最严重：${SEVERITY_LABEL[worst]}）`}>
        {n}
      </span>
    ) : null;
  };
  return (
    <nav className="tabs" role="tablist" aria-label="九张表">
      {TABLE_KEYS.map((k, i) => (
        <button
          key={k}
          type="button"
          role="tab"
          aria-selected={tab === k}
          data-tab={k}
          className={`tab${tab === k ? ' active' : ''}${present.has(k) ? '' : ' missing'}`}
          title={present.has(k) ? TABLE_NAMES[k] : `${TABLE_NAMES[k]}（文件中未找到）`}
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
    </nav>
  );
}
