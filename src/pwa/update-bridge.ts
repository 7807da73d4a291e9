// The page's side of the service worker: registers it, and turns "a new version is installed" into
// one observable the start screen shows ("Une nouvelle version est prête"). Nothing here reloads
// the page by itself: a person in the middle of a run is never interrupted; only applyUpdate(),
// which the start screen calls, reloads.
import { observable, type Observable } from '../core/observable.ts';

export type { Observable };

/** The part of workbox-window's Workbox the bridge uses (a fake in tests). */
export interface WorkboxLike {
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void;
  register(): Promise<ServiceWorkerRegistration | undefined>;
  update(): Promise<void>;
  messageSkipWaiting(): void;
}

export type RegistrationOutcome =
  | { status: 'registered' }
  /** Development server, or a browser without service workers: the bridge stays idle. */
  | { status: 'disabled' | 'unsupported' }
  | { status: 'failed'; detail: string };

export interface UpdateBridgeOptions {
  /** False in development: there is no service worker to register. */
  enabled: boolean;
  supported: boolean;
  /** Builds the Workbox lazily, so workbox-window is not in the first screen's JavaScript. */
  loadWorkbox: () => Promise<WorkboxLike>;
  reload: () => void;
  /** How long to wait for the new worker to take control before reloading anyway. */
  reloadFallbackMs?: number;
}

export interface UpdateBridge {
  /** True when a new version is ready: installed and waiting, or already activated by another tab. */
  readonly updateReady: Observable<boolean>;
  register(): Promise<RegistrationOutcome>;
  /** Asks the server for a newer service worker (a kiosk may stay open for days). */
  checkForUpdate(): Promise<void>;
  /** Activates the waiting version and reloads; call it only from the start screen. */
  applyUpdate(): Promise<void>;
}

/** Builds a bridge around injected browser pieces, so the whole update flow is testable without a browser. */
export function createUpdateBridge(options: UpdateBridgeOptions): UpdateBridge {
  const ready = observable(false);
  let workbox: WorkboxLike | undefined;
  let registering: Promise<RegistrationOutcome> | undefined;
  // Set when a new version is installed but not active yet: applyUpdate() must activate it first.
  let waiting = false;
  let requested = false;
  let reloaded = false;
  const reloadOnce = (): void => {
    if (reloaded) return;
    reloaded = true;
    options.reload();
  };

  async function start(): Promise<RegistrationOutcome> {
    if (!options.enabled) return { status: 'disabled' };
    if (!options.supported) return { status: 'unsupported' };
    try {
      const wb = await options.loadWorkbox();
      wb.addEventListener('waiting', () => {
        waiting = true;
        ready.set(true);
      });
      wb.addEventListener('controlling', () => {
        waiting = false;
        // Our own request: reload now. Another tab's: this page runs old code under the new
        // worker, so it waits for the start screen like any update.
        if (requested) reloadOnce();
        else ready.set(true);
      });
      await wb.register();
      workbox = wb;
      return { status: 'registered' };
    } catch (error) {
      return { status: 'failed', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  return {
    updateReady: { get: ready.get, subscribe: ready.subscribe },
    register() {
      registering ??= start();
      return registering;
    },
    async checkForUpdate() {
      try {
        await workbox?.update();
      } catch {
        // Offline or server unreachable: the next check will try again; nothing to tell the person.
      }
    },
    async applyUpdate() {
      if (!ready.get()) return;
      if (!workbox || !waiting) {
        reloadOnce();
        return;
      }
      requested = true;
      workbox.messageSkipWaiting();
      setTimeout(reloadOnce, options.reloadFallbackMs ?? 3000);
    },
  };
}
