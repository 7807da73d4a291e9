// The service-worker update bridge (src/pwa). It lives here because the vitest 'ui' project only
// collects tests/ui, tests/storage and tests/i18n; move it to tests/pwa once that folder is listed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpdateBridge, type UpdateBridgeOptions, type WorkboxLike } from '../../src/pwa/update-bridge.ts';

class FakeWorkbox implements WorkboxLike {
  private readonly listeners = new Map<string, (() => void)[]>();
  register = vi.fn(async () => undefined);
  update = vi.fn(async () => undefined);
  messageSkipWaiting = vi.fn(() => this.emit('controlling'));
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: 'waiting' | 'controlling'): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

describe('service-worker update bridge', () => {
  let workbox: FakeWorkbox;
  let reload: ReturnType<typeof vi.fn>;
  let loadWorkbox: ReturnType<typeof vi.fn>;

  const bridge = (overrides: Partial<UpdateBridgeOptions> = {}) =>
    createUpdateBridge({ enabled: true, supported: true, loadWorkbox: loadWorkbox as () => Promise<WorkboxLike>, reload: reload as () => void, ...overrides });

  beforeEach(() => {
    vi.useFakeTimers();
    workbox = new FakeWorkbox();
    reload = vi.fn();
    loadWorkbox = vi.fn(async () => workbox);
  });
  afterEach(() => vi.useRealTimers());

  it('does nothing in development or without service-worker support, and never loads workbox-window', async () => {
    expect(await bridge({ enabled: false }).register()).toEqual({ status: 'disabled' });
    const unsupported = bridge({ supported: false });
    expect(await unsupported.register()).toEqual({ status: 'unsupported' });
    await unsupported.applyUpdate();
    await unsupported.checkForUpdate();
    expect(loadWorkbox).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('registers once, however often it is asked', async () => {
    const b = bridge();
    await Promise.all([b.register(), b.register()]);
    expect(await b.register()).toEqual({ status: 'registered' });
    expect(loadWorkbox).toHaveBeenCalledTimes(1);
    expect(workbox.register).toHaveBeenCalledTimes(1);
  });

  it('reports a failed registration instead of throwing', async () => {
    workbox.register.mockRejectedValueOnce(new DOMException('denied', 'SecurityError'));
    expect(await bridge().register()).toEqual({ status: 'failed', detail: 'SecurityError: denied' });
  });

  it('says an update is ready when a new version waits, and reloads only when asked', async () => {
    const b = bridge();
    const seen: boolean[] = [];
    b.updateReady.subscribe((ready) => seen.push(ready));
    await b.register();
    expect(b.updateReady.get()).toBe(false);
    workbox.emit('waiting');
    expect(b.updateReady.get()).toBe(true);
    expect(seen).toEqual([true]);
    expect(reload).not.toHaveBeenCalled();
    await b.applyUpdate();
    expect(workbox.messageSkipWaiting).toHaveBeenCalledTimes(1);
    expect(reload).toHaveBeenCalledTimes(1);
    vi.runAllTimers();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads anyway when the new worker does not take control in time', async () => {
    workbox.messageSkipWaiting.mockImplementation(() => undefined);
    const b = bridge({ reloadFallbackMs: 500 });
    await b.register();
    workbox.emit('waiting');
    await b.applyUpdate();
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never reloads a page because another tab activated the update: it waits for the start screen', async () => {
    const b = bridge();
    await b.register();
    workbox.emit('waiting');
    workbox.emit('controlling');
    expect(reload).not.toHaveBeenCalled();
    expect(b.updateReady.get()).toBe(true);
    await b.applyUpdate();
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('ignores applyUpdate() when nothing is waiting', async () => {
    const b = bridge();
    await b.register();
    await b.applyUpdate();
    expect(reload).not.toHaveBeenCalled();
  });

  it('checks for updates quietly, even offline', async () => {
    const b = bridge();
    await b.checkForUpdate();
    await b.register();
    workbox.update.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(b.checkForUpdate()).resolves.toBeUndefined();
    expect(workbox.update).toHaveBeenCalledTimes(1);
  });
});

// The browser side (src/pwa/service-worker.ts), over a fake navigator.serviceWorker: the service
// worker's life cycle as the browser runs it, events in the order the specification gives them.
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing';
  posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  become(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
  update = vi.fn(async () => undefined);
  /** A new version found: installing, then installed; it waits when a version is active already. */
  install(worker = new FakeWorker()): FakeWorker {
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
    this.installing = null;
    if (this.active) this.waiting = worker;
    worker.become('installed');
    if (!this.active) {
      this.active = worker;
      worker.become('activating');
      worker.become('activated');
    }
    return worker;
  }
}

class FakeContainer extends EventTarget {
  registration = new FakeRegistration();
  register = vi.fn(async (url: string) => {
    void url;
    return this.registration as unknown as ServiceWorkerRegistration;
  });
}

describe('service-worker registration over the browser API', () => {
  let container: FakeContainer;
  let events: string[];
  const adapter = async () => {
    const { serviceWorkerOf } = await import('../../src/pwa/service-worker.ts');
    const sw = serviceWorkerOf('https://kiosk.example/sw.js', container as unknown as ServiceWorkerContainer);
    sw.addEventListener('waiting', () => events.push('waiting'));
    sw.addEventListener('controlling', () => events.push('controlling'));
    return sw;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    container = new FakeContainer();
    events = [];
  });
  afterEach(() => vi.useRealTimers());

  it('registers sw.js; a first install activates at once and is no update', async () => {
    const sw = await adapter();
    await sw.register();
    expect(container.register).toHaveBeenCalledWith('https://kiosk.example/sw.js');
    container.registration.install();
    await vi.runAllTimersAsync();
    expect(events).toEqual([]);
  });

  it('says a new version waits when one installs beside the active one, and asks it to take over', async () => {
    container.registration.active = new FakeWorker();
    const sw = await adapter();
    await sw.register();
    const next = container.registration.install();
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(events).toEqual(['waiting']);
    sw.messageSkipWaiting();
    expect(next.posted).toEqual([{ type: 'SKIP_WAITING' }]);
    container.dispatchEvent(new Event('controllerchange'));
    expect(events).toEqual(['waiting', 'controlling']);
  });

  it('says so at once when a version installed on an earlier visit still waits', async () => {
    container.registration.active = new FakeWorker();
    container.registration.waiting = new FakeWorker();
    const sw = await adapter();
    await sw.register();
    await vi.runAllTimersAsync();
    expect(events).toEqual(['waiting']);
  });

  it('looks for a newer version only once registered, and asks nothing of a worker that is not waiting', async () => {
    const sw = await adapter();
    await sw.update();
    sw.messageSkipWaiting();
    expect(container.registration.update).not.toHaveBeenCalled();
    await sw.register();
    await sw.update();
    expect(container.registration.update).toHaveBeenCalledTimes(1);
  });
});
