import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
// Tokens and base styles first, so every component's own CSS comes after them.
import './design/tokens.css';
import './design/base.css';
import { App, TodayPage } from './App.js';
import { preloadToday } from './features/today/preloadToday.js';
import { queryClient } from './query.js';
import { checkSessionEarly, SessionProvider } from './session.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Ask who is signed in (and, on the way to Today, fetch its code and the day) before the first render.
const me = checkSessionEarly(location.pathname);
if (me && (location.pathname === '/' || (location.pathname === '/today' && !location.search))) {
  void TodayPage.preload().catch(() => undefined);
  preloadToday(me);
}

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
