// The few lines of workbox-window the update bridge used, over the browser's own API: registering
// sw.js, telling when a new version waits, when a new worker takes control, and asking the waiting
// one to take over. workbox-window (2.3 KB gzipped) no longer rides with the first question, and no
// request of its own is needed to register the worker.
import type { WorkboxLike } from './update-bridge.ts';

/** How long a freshly installed worker must stay waiting before it counts as an update (workbox-window's own delay): a first install activates at once. */
const WAITING_DELAY_MS = 200;

/** The message the generated sw.js answers with skipWaiting() (vite-plugin-pwa, registerType 'prompt'). */
const SKIP_WAITING = { type: 'SKIP_WAITING' };

/** A WorkboxLike over a ServiceWorkerContainer (navigator.serviceWorker; a fake in tests). */
export function serviceWorkerOf(scriptUrl: string, container: ServiceWorkerContainer): WorkboxLike {
  const listeners = { waiting: [] as (() => void)[], controlling: [] as (() => void)[] };
  const emit = (type: keyof typeof listeners) => listeners[type].forEach((listener) => listener());
  let registration: ServiceWorkerRegistration | undefined;
  const watched = new WeakSet<ServiceWorker>();

  /** A worker being installed: when it stays installed and waiting, a new version is ready. */
  const watch = (worker: ServiceWorker | null) => {
    if (!worker || watched.has(worker)) return;
    watched.add(worker);
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') setTimeout(() => registration?.waiting === worker && emit('waiting'), WAITING_DELAY_MS);
    });
  };

  return {
    addEventListener(type, listener) {
      listeners[type].push(listener);
    },
    async register() {
      const registered = await container.register(scriptUrl);
      registration = registered;
      // A version installed during an earlier visit, still waiting for its turn.
      if (registered.waiting) queueMicrotask(() => emit('waiting'));
      watch(registered.installing);
      registered.addEventListener('updatefound', () => watch(registered.installing));
      container.addEventListener('controllerchange', () => emit('controlling'));
      return registered;
    },
    async update() {
      await registration?.update();
    },
    messageSkipWaiting() {
      registration?.waiting?.postMessage(SKIP_WAITING);
    },
  };
}
