// The workstation: the archive, or one submission under review (chosen by the URL hash, so a reload
// returns to the same place). Menu commands (Electron) and their keyboard twins (browser) arrive here.
import { useEffect, useState } from 'react';
import { ArchiveScreen } from './archive';
import { api, bridge } from './bridge';
import { commandForKey, deferCommand, dispatchCommand, isCommand, useCommand } from './hooks';
import { beginOpen } from './lib/perf';
import { navigate, useRoute } from './lib/route';
import { ReviewScreen } from './review';
import { CompareScreen } from './compare/CompareScreen';

export function App() {
  const route = useRoute();

  useEffect(() => {
    // The token travelled in the hash; it is kept by the bridge, the address bar need not show it.
    if (/token=/.test(location.hash)) history.replaceState(null, '', '#/');
    const offMenu = bridge.onMenuCommand?.((c) => isCommand(c) && dispatchCommand(c));
    const onKey = (e: KeyboardEvent) => {
      if (bridge.platform === 'electron') return; // the menu's accelerators own these keys there
      const c = commandForKey(e);
      if (c) {
        e.preventDefault();
        dispatchCommand(c);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offMenu?.();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  useCommand('show-archive', () => navigate({ screen: 'archive' }));
  // Importing is the archive's job: from the review screen, go there and let it run the command.
  const viaArchive = (c: 'import-files' | 'import-folder') => () => {
    if (route.screen === 'archive') return;
    deferCommand(c);
    navigate({ screen: 'archive' });
  };
  useCommand('import-files', viaArchive('import-files'));
  useCommand('import-folder', viaArchive('import-folder'));

  const open = (id: number) => {
    beginOpen();
    navigate({ screen: 'review', id, tab: null });
  };

  return (
    <div className="app">
      <header className="app-head">
        <button type="button" className="app-name" onClick={() => navigate({ screen: 'archive' })}>
          部门预算审核工作台
        </button>
        <span className="app-sub">{route.screen === 'archive' ? '档案库' : route.screen === 'compare' ? '比较' : '审核'}</span>
        <span className="toolbar-sep" />
        <Author />
      </header>
      {route.screen === 'archive' && <ArchiveScreen onOpen={open} />}
      {route.screen === 'review' && <ReviewScreen key={route.id} id={route.id} tab={route.tab} />}
      {route.screen === 'compare' && <CompareScreen key={`${route.id}-${route.otherId}`} id={route.id} otherId={route.otherId} />}
    </div>
  );
}

/** Who signs the corrections and decisions (settings.author). */
function Author() {
  const [author, setAuthor] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  useEffect(() => {
    api('settings.get', undefined).then((s) => setAuthor(s.author), () => setAuthor(null));
  }, []);
  if (author === null) return null;
  if (!editing)
    return (
      <button type="button" className="author" title="修改审核人姓名" onClick={() => (setDraft(author), setEditing(true))}>
        审核人：{author}
      </button>
    );
  const save = async () => {
    if (draft.trim()) setAuthor((await api('settings.setAuthor', { author: draft.trim() })).author);
    setEditing(false);
  };
  return (
    <form
      className="author-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input aria-label="审核人" value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setEditing(false)} />
      <button type="submit" className="btn btn-small">
        保存
      </button>
    </form>
  );
}
