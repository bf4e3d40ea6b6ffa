// Placeholder entry point; the UI engineer replaces this with the real app shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <h1>swsusp-viz</h1>
  </StrictMode>,
);
