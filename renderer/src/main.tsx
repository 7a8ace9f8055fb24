import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'openseadragon';
import { App } from './App';
import { PanelBoundary } from './components/PanelBoundary';
import './styles.css';

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
