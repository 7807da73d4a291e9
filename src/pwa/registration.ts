// The service worker's registration and its update bridge, made when the worker is registered (once a
// run's question shows, app.tsx, or 3 s after the page has loaded, main.tsx): a chunk of its own, never
// in the first question's JavaScript. pwa/index.ts, in the start screen's chunk, holds only what the
// start screen reads.
import { createUpdateBridge, type UpdateBridge } from './update-bridge.ts';
import { serviceWorkerOf } from './service-worker.ts';

export function makeBridge(): UpdateBridge {
  return createUpdateBridge({
    enabled: !import.meta.env.DEV,
    supported: typeof navigator !== 'undefined' && 'serviceWorker' in navigator,
    // sw.js sits beside index.html; the relative base lets the build live in any folder.
    loadWorkbox: async () => serviceWorkerOf(new URL(`${import.meta.env.BASE_URL}sw.js`, document.baseURI).href, navigator.serviceWorker),
    reload: () => window.location.reload(),
  });
}
