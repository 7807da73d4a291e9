import { render } from 'preact';
import { applyUpdate, checkForUpdate, registerServiceWorker, updateReady } from './pwa/index.ts';
import { App } from './ui/app.tsx';
import { ErrorBoundary } from './ui/error-boundary.tsx';
import './ui/app.css';

const root = document.getElementById('app');
if (root) {
  // The outer boundary catches what the app's own cannot; starting again reloads the page, which forgets everything.
  render(
    <ErrorBoundary onReset={() => window.location.replace(window.location.pathname)}>
      <App update={{ ready: updateReady, apply: applyUpdate, check: checkForUpdate }} />
    </ErrorBoundary>,
    root,
  );
  // After the first render: the service worker never delays the first question.
  void registerServiceWorker();
}
