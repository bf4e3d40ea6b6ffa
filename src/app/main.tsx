// The standalone page: the app on the default engine store (the engine in a Web Worker).
// The page's base first (tokens, elements, page layout): every room's stylesheet cascades over it.
import '../ui/shell/shell.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useEngine } from '../store/engineStore';
import { Root } from './Root';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Root store={useEngine} />
  </StrictMode>,
);
