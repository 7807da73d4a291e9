import { render } from 'preact';
import { applyUpdate, checkForUpdate, registerServiceWorker, updateReady } from './pwa/index.ts';
import { App } from './ui/app.tsx';
import { ErrorBoundary } from './ui/error-boundary.tsx';
import { createSessionPersistence } from './ui/session-persistence.ts';
import './ui/app.css';

const root = document.getElementById('app');
if (root) {
  // Every answer is written to IndexedDB (or kept in memory, with a notice, when it cannot be);
  // storage (idb) is loaded with import(), beside the first question rather than before it.
  const persistence = createSessionPersistence({ open: async () => (await import('./storage/index.ts')).openStorage() });
  // The outer boundary catches what the app's own cannot; starting again reloads the page (a run in progress resumes).
  render(
    <ErrorBoundary onReset={() => window.location.replace(window.location.pathname)}>
      <App events={persistence} update={{ ready: updateReady, apply: applyUpdate, check: checkForUpdate }} />
    </ErrorBoundary>,
    root,
  );
  // After the first render: the service worker never delays the first question.
  void registerServiceWorker();
}
