import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/app.css';
import './styles/archive.css';
import './styles/review.css';

createRoot(document.getElementById('root')!).render(<App />);
