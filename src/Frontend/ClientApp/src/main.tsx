import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initTheme } from './ui/theme';
// The emoji font ships with the client (font-src 'self'): reactions and emoji in text look the same everywhere.
import 'twemoji-colr-font/twemoji.css';
import './styles/theme.css';
import './styles/base.css';

initTheme();

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
