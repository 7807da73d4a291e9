// The app's service-worker bridge. main.tsx calls registerServiceWorker() once the page has loaded and is idle;
// the start screen shows `ready` and calls `apply()`: this module, whole, is the app's AppUpdate (app.tsx). The browser's own API registers the
// worker (service-worker.ts), loaded with import() when registering, beside the run.
import { createUpdateBridge, type Observable, type RegistrationOutcome, type UpdateBridge } from './update-bridge.ts';

export { createUpdateBridge, type Observable, type RegistrationOutcome, type UpdateBridge, type UpdateBridgeOptions, type WorkboxLike } from './update-bridge.ts';

const bridge: UpdateBridge = createUpdateBridge({
  enabled: !import.meta.env.DEV,
  supported: typeof navigator !== 'undefined' && 'serviceWorker' in navigator,
  loadWorkbox: async () => {
    const { serviceWorkerOf } = await import('./service-worker.ts');
    // sw.js sits beside index.html; the relative base lets the build live in any folder.
    return serviceWorkerOf(new URL(`${import.meta.env.BASE_URL}sw.js`, document.baseURI).href, navigator.serviceWorker);
  },
  reload: () => window.location.reload(),
});

/** Registers the service worker once (a no-op in development and where unsupported), so the app works offline after one visit. */
export const registerServiceWorker = (): Promise<RegistrationOutcome> => bridge.register();

/** "Une nouvelle version est prête": for the start screen only, never during a run. */
export const ready: Observable<boolean> = bridge.updateReady;

/** Activates the waiting version and reloads; the start screen's button calls it. */
export const apply = (): Promise<void> => bridge.applyUpdate();

/** Looks for a newer version now; the start screen may call it when shown, as kiosks stay open for days. */
export const check = (): Promise<void> => bridge.checkForUpdate();
