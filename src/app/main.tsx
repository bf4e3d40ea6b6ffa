// The standalone page: the app on the default engine store (the engine in a Web Worker).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectPageEngine } from '../store/connect';
import { installColours } from '../ui';
import { App } from './App';

installColours();
const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App store={connectPageEngine()} />
  </StrictMode>,
);
