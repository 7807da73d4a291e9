// What only the IndexedDB store does: upgrading old databases, surviving reloads, falling back to
// memory when IndexedDB is missing or stuck, and sharing one database between tabs.
import 'fake-indexeddb/auto';
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionId } from '../../src/core/index.ts';
import { DB_VERSION, openStorage, type SessionStore, type StorageNotice } from '../../src/storage/index.ts';
import { completed, done, now, rawAll, rawOpen, record, recordV1 } from './fixtures.ts';

const NAME = 'reperes-test';
const id = (s: string) => s as SessionId;
const opened: SessionStore[] = [];

async function open(factory: IDBFactory, extra: { blockedTimeoutMs?: number } = {}): Promise<SessionStore> {
  const { store, fallback } = await openStorage({ indexedDB: factory, name: NAME, now, ...extra });
  expect(fallback).toBeUndefined();
  opened.push(store);
  return store;
}

afterEach(() => {
  opened.splice(0).forEach((s) => s.close());
  vi.unstubAllGlobals();
});

describe('database versions', () => {
  it('creates the current layout on a fresh install', async () => {
    const factory = new IDBFactory();
    await open(factory);
    const db = await rawOpen(factory, NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['quarantine', 'results', 'runs', 'settings', 'vault']);
    expect([...db.transaction('results').objectStore('results').indexNames]).toEqual(['by-questionnaire-mode']);
    db.close();
  });

  it('upgrades a version-1 database: records migrated and sorted, the broken one quarantined, settings kept', async () => {
    const factory = new IDBFactory();
    // The version-1 layout, written with raw IndexedDB as the first app version did.
    const v1 = await rawOpen(factory, NAME, 1, (db) => {
      db.createObjectStore('sessions', { keyPath: 'id' });
      db.createObjectStore('settings');
    });
    const tx = v1.transaction(['sessions', 'settings'], 'readwrite');
    tx.objectStore('sessions').put(recordV1('running'));
    tx.objectStore('sessions').put({ ...recordV1('finished', 'completed'), updatedAt: '2026-11-23T11:00:00.000Z' });
    tx.objectStore('sessions').put({ version: 1, id: 'broken', status: 'in-progress' });
    tx.objectStore('settings').put('fr', 'language');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    v1.close();

    const store = await open(factory);
    expect(await store.listRuns()).toEqual([expect.objectContaining({ id: 'running', version: 2, mode: 'kiosk', language: 'fr', status: 'in-progress' })]);
    expect(await store.listResults()).toEqual([expect.objectContaining({ id: 'finished', version: 2, status: 'completed' })]);
    expect(await store.listResults({ mode: 'kiosk' })).toHaveLength(1);
    expect(await store.getSetting('language')).toBe('fr');
    expect(await store.listQuarantine()).toEqual([
      expect.objectContaining({ source: 'legacy-sessions', key: 'broken', mode: 'kiosk', reason: 'questionnaireId is missing', raw: { version: 1, id: 'broken', status: 'in-progress' } }),
    ]);
    // Stored migrated, not just read migrated.
    expect(await rawAll(factory, NAME, 'runs')).toEqual([expect.objectContaining({ version: 2 })]);
    const db = await rawOpen(factory, NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(db.objectStoreNames.contains('sessions')).toBe(false);
    // Version 3 on the way: the professional vault, empty.
    expect(db.objectStoreNames.contains('vault')).toBe(true);
    expect(await done(db.transaction('vault').objectStore('vault').count())).toBe(0);
    db.close();
  });

  it('upgrades a version-2 database to version 3: every store and record kept, an empty vault added', async () => {
    const factory = new IDBFactory();
    // The version-2 layout, written with raw IndexedDB as that app version did.
    const v2 = await rawOpen(factory, NAME, 2, (db) => {
      db.createObjectStore('runs', { keyPath: 'id' });
      db.createObjectStore('results', { keyPath: 'id' }).createIndex('by-questionnaire-mode', ['questionnaireId', 'mode']);
      db.createObjectStore('settings');
      db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
    });
    const tx = v2.transaction(['runs', 'results', 'settings', 'quarantine'], 'readwrite');
    tx.objectStore('runs').put(record('running'));
    tx.objectStore('results').put(completed(record('finished', { mode: 'interview' })));
    tx.objectStore('settings').put('fr', 'language');
    tx.objectStore('quarantine').add({ source: 'runs', key: 'x', reason: 'r', quarantinedAt: now(), raw: {} });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    v2.close();

    const store = await open(factory);
    expect(await store.listRuns()).toEqual([record('running')]);
    expect(await store.listResults({ mode: 'interview' })).toEqual([completed(record('finished', { mode: 'interview' }))]);
    expect(await store.getSetting('language')).toBe('fr');
    expect(await store.listQuarantine()).toHaveLength(1);
    const db = await rawOpen(factory, NAME);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['quarantine', 'results', 'runs', 'settings', 'vault']);
    expect(await done(db.transaction('vault').objectStore('vault').count())).toBe(0);
    db.close();
  });

  it('keeps everything across a reload', async () => {
    const factory = new IDBFactory();
    const first = await open(factory);
    await first.save(record('a'));
    await first.save(completed(record('b')));
    await first.setSetting('mode', 'kiosk');
    first.close();
    const second = await open(factory);
    expect(await second.load(id('a'))).toEqual(record('a'));
    expect(await second.load(id('b'))).toEqual(completed(record('b')));
    expect(await second.getSetting('mode')).toBe('kiosk');
  });
});

describe('falling back to memory', () => {
  it('when there is no IndexedDB at all (private browsing, disabled storage)', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const { store, fallback } = await openStorage();
    expect(store.backend).toBe('memory');
    expect(fallback).toEqual({ code: 'storage.unavailable', detail: expect.any(String) });
    expect(await store.save(record('a'))).toEqual({ ok: true });
    expect(await store.load(id('a'))).toEqual(record('a'));
  });

  it('when reading indexedDB itself throws (storage blocked for the site)', async () => {
    vi.stubGlobal('indexedDB', undefined);
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const { store, fallback } = await openStorage();
    expect(store.backend).toBe('memory');
    expect(fallback?.code).toBe('storage.unavailable');
  });

  it('when open() throws', async () => {
    const factory = new IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('Access denied', 'SecurityError');
    });
    const { store, fallback } = await openStorage({ indexedDB: factory, name: NAME });
    expect(store.backend).toBe('memory');
    expect(fallback).toEqual({ code: 'storage.unavailable', detail: 'SecurityError: Access denied' });
  });

  it('when the open request fails (as Firefox private windows did)', async () => {
    const factory = new IDBFactory();
    const original = factory.open.bind(factory);
    vi.spyOn(factory, 'open').mockImplementation((name, version) => {
      const request = original(name, version);
      request.addEventListener('upgradeneeded', () => request.transaction?.abort());
      return request;
    });
    const { store, fallback } = await openStorage({ indexedDB: factory, name: NAME });
    expect(store.backend).toBe('memory');
    expect(fallback?.code).toBe('storage.unavailable');
  });

  it('when a newer app version already upgraded the database (an old tab or cached build)', async () => {
    const factory = new IDBFactory();
    (await rawOpen(factory, NAME, DB_VERSION + 1)).close();
    const { store, fallback } = await openStorage({ indexedDB: factory, name: NAME });
    expect(store.backend).toBe('memory');
    expect(fallback?.code).toBe('storage.outdated');
  });

  it('when an old tab keeps the database open and blocks the upgrade; the late connection is then let go', async () => {
    const factory = new IDBFactory();
    // An old build that never answers versionchange.
    const old = await rawOpen(factory, NAME, 1, (db) => {
      db.createObjectStore('sessions', { keyPath: 'id' });
      db.createObjectStore('settings');
    });
    const { store, fallback } = await openStorage({ indexedDB: factory, name: NAME, blockedTimeoutMs: 20 });
    expect(store.backend).toBe('memory');
    expect(fallback?.code).toBe('storage.blocked');
    old.close();
    // The upgrade then goes through, and the connection nobody waits for any more is closed:
    // deleting the database is not blocked by it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const deletion = factory.deleteDatabase(NAME);
    const blocked = vi.fn();
    deletion.onblocked = blocked;
    await done(deletion);
    expect(blocked).not.toHaveBeenCalled();
  });
});

describe('two tabs on one database', () => {
  it('each run is its own record: tabs saving different runs never clash', async () => {
    const factory = new IDBFactory();
    const [left, right] = [await open(factory), await open(factory)];
    await Promise.all([left.save(record('l', {}, 1)), right.save(record('r', {}, 2)), left.save(record('l', { language: 'en' }, 3))]);
    expect((await right.listRuns()).map((r) => [r.id, r.language])).toEqual([
      ['l', 'en'],
      ['r', 'fr'],
    ]);
  });

  it('the last whole write of a run wins, and a completed run stays completed', async () => {
    const factory = new IDBFactory();
    const [left, right] = [await open(factory), await open(factory)];
    await left.save(record('same', { language: 'fr' }, 1));
    await right.save(record('same', { language: 'en' }, 2));
    expect(await left.load(id('same'))).toEqual(record('same', { language: 'en' }, 2));
    await right.save(completed(record('same')));
    expect(await left.save(record('same', {}, 50))).toMatchObject({ ok: false, code: 'storage.already-completed' });
    expect((await right.load(id('same')))?.status).toBe('completed');
  });

  // A run's write goes in one committed breath, so that a page closed right after an answer keeps it
  // (putRun); when a result turns out to be there, the run is taken away again. A page that ends in
  // between leaves both: the result stands.
  it('a run left beside its own result, by a page that ended in between, never shadows the result', async () => {
    const factory = new IDBFactory();
    const store = await open(factory);
    await store.save(completed(record('both')));
    const db = await rawOpen(factory, NAME);
    const tx = db.transaction('runs', 'readwrite');
    tx.objectStore('runs').put(record('both', {}, 99));
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    expect((await store.load(id('both')))?.status).toBe('completed');
    expect(await store.save(record('both', {}, 100))).toMatchObject({ ok: false, code: 'storage.already-completed' });
    expect(await store.listRuns()).toEqual([]);
  });

  it('an open tab lets a newer version upgrade, then reports storage.outdated', async () => {
    const factory = new IDBFactory();
    const tab = await open(factory);
    await tab.save(record('a'));
    const notices: StorageNotice[] = [];
    tab.subscribe((n) => notices.push(n));
    const blocked = vi.fn();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(NAME, DB_VERSION + 1);
      request.onblocked = blocked;
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(blocked).not.toHaveBeenCalled();
    expect(notices).toEqual([{ code: 'storage.outdated' }]);
    expect(await tab.save(record('a', {}, 5))).toMatchObject({ ok: false, code: 'storage.outdated' });
    expect(await tab.listRuns()).toEqual([]);
    // The data is still there for the newer version.
    expect(await done(newer.transaction('runs').objectStore('runs').count())).toBe(1);
    newer.close();
  });

  it('reconnects by itself when the browser closes the connection', async () => {
    const factory = new IDBFactory();
    const connections: IDBDatabase[] = [];
    const original = factory.open.bind(factory);
    vi.spyOn(factory, 'open').mockImplementation((name, version) => {
      const request = original(name, version);
      request.addEventListener('success', () => connections.push(request.result));
      return request;
    });
    const store = await open(factory);
    await store.save(record('a'));
    forceCloseDatabase(connections[0] as never);
    expect(await store.save(record('b'))).toEqual({ ok: true });
    expect((await store.listRuns()).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(connections).toHaveLength(2);
  });
});
