import { createRoot } from 'react-dom/client';
import { App } from './App';
import { errorText } from './lib/errors';
import { loadWords, WordsProvider } from './lib/words';
import './styles/app.css';
import './styles/archive.css';
import './styles/review.css';
import './styles/workflow.css';

const root = createRoot(document.getElementById('root')!);
// The words come from the core once; a failure here is shown rather than a blank window.
loadWords().then(
  (words) =>
    root.render(
      <WordsProvider words={words}>
        <App />
      </WordsProvider>,
    ),
  (e) => root.render(<div className="notice notice-error">无法连接工作台核心：{errorText(e)}</div>),
);
