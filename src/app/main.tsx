// The standalone page: the app on the default engine store (the engine in a Web Worker).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useEngine } from '../store/engineStore';
import { Root } from './Root';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Root store={useEngine} />
  </StrictMode>,
);
