import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'openseadragon';
// The global base first, so that every feature's stylesheet (imported with its component) comes after it.
import './styles.css';
import { App } from './App';
import { PanelBoundary } from './components/PanelBoundary';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    {/* The last line of defence: panels have their own boundaries, this one catches the frame itself. */}
    <PanelBoundary name="window">
      <App />
    </PanelBoundary>
  </StrictMode>,
);
