// The app's service-worker bridge. registerServiceWorker() is called once a run's question shows (app.tsx),
// or 3 s after the page has loaded (main.tsx); the start screen shows `ready` and calls `apply()`: this module, whole, is the app's AppUpdate (app.tsx).
// Only `ready` is made at start: the bridge (update-bridge.ts) and the browser's own API that registers the
// worker (service-worker.ts) come with import() when registering (registration.ts, a chunk of its own).
import { observable, type Observable } from '../core/observable.ts';
import type { RegistrationOutcome, UpdateBridge } from './update-bridge.ts';

export type { Observable, RegistrationOutcome, UpdateBridge, UpdateBridgeOptions, WorkboxLike } from './update-bridge.ts';

const updateReady = observable(false);
let bridge: Promise<UpdateBridge> | undefined;

const bridgeOf = (): Promise<UpdateBridge> =>
  (bridge ??= import('./registration.ts').then(({ makeBridge }) => {
    const made = makeBridge();
    made.updateReady.subscribe(updateReady.set);
    return made;
  }));

/** Registers the service worker once (a no-op in development and where unsupported), so the app works offline after one visit. */
export async function registerServiceWorker(): Promise<RegistrationOutcome> {
  try {
    return await (await bridgeOf()).register();
  } catch (error) {
    // Its chunk could not be fetched (the connection dropped): the next call, or the next load, tries again.
    bridge = undefined;
    return { status: 'failed', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** "Une nouvelle version est prête": for the start screen only, never during a run. */
export const ready: Observable<boolean> = { get: updateReady.get, subscribe: updateReady.subscribe };

/** Activates the waiting version and reloads; the start screen's button calls it (shown only once `ready`: the bridge is there). */
export const apply = async (): Promise<void> => (await bridgeOf()).applyUpdate();

/** Looks for a newer version now; the start screen may call it when shown, as kiosks stay open for days. Nothing to look for before the worker is registered. */
export const check = async (): Promise<void> => {
  if (bridge) await (await bridge).checkForUpdate();
};
