// The embed page (embed.html): the step view alone, in embed mode unless the hash says embed=0.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectPageEngine } from '../store/connect';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from embed.html');

createRoot(root).render(
  <StrictMode>
    <App store={connectPageEngine()} embedByDefault />
  </StrictMode>,
);
