import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The optional stylesheet, as a shop would use it: the method tiles, the button states, the error box.
import '@kcheckout/react/styles.css';
import { App } from './app.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
