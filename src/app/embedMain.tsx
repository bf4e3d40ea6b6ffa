// The embed page (embed.html): the step view alone, in embed mode unless the hash says embed=0.
// The page's base first (tokens, elements, page layout): every room's stylesheet cascades over it.
import '../ui/shell/shell.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useEngine } from '../store/engineStore';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from embed.html');

createRoot(root).render(
  <StrictMode>
    <App store={useEngine} embedByDefault />
  </StrictMode>,
);
