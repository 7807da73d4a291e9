// The record checker (readRecord() and the format library) comes with import() only when a stored
// record is read, or after a first write: a kiosk's first answers never wait for its download.
// Each case starts from fresh modules, as a page does, so the checker is not loaded yet.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionId } from '../../src/core/index.ts';
import type { SessionStore, StorageNotice } from '../../src/storage/index.ts';
import { now, rawAll, rawOpen, record, recordV1 } from './fixtures.ts';

const NAME = 'lazy-checker';
const id = (s: string) => s as SessionId;

/** Holds the checker's module until release() is called: what a slow connection does to its download. */
function holdChecker(): { release: () => void; asked: () => boolean } {
  let release = () => {};
  let asked = false;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.doMock('../../src/core/read-session-record.ts', async (importOriginal) => {
    asked = true;
    await gate;
    return importOriginal();
  });
  return { release: () => release(), asked: () => asked };
}

/** Opens the IndexedDB store from the modules as they are now (fresh after vi.resetModules()). */
async function openIndexedDb(factory: IDBFactory): Promise<SessionStore> {
  const { openStorage } = await import('../../src/storage/index.ts');
  const { store, fallback } = await openStorage({ indexedDB: factory, name: NAME, now });
  expect(fallback).toBeUndefined();
  return store;
}

const stores: [string, (factory: IDBFactory) => Promise<SessionStore>][] = [
  ['indexeddb', openIndexedDb],
  ['memory', async () => (await import('../../src/storage/memory-store.ts')).createMemoryStore({ now })],
];

beforeEach(() => {
  vi.resetModules();
  vi.doUnmock('../../src/core/read-session-record.ts');
});

describe.each(stores)('%s store, before the checker is loaded', (_kind, open) => {
  it('writes a first answer at once, without waiting for the checker, then checks it', async () => {
    const checker = holdChecker();
    const factory = new IDBFactory();
    const store = await open(factory);
    // Opening an empty store and finding no run to resume needs no checker.
    expect(await store.listRuns()).toEqual([]);
    expect(checker.asked()).toBe(false);

    let settled = false;
    const saving = store.save(record('first')).then((result) => {
      settled = true;
      return result;
    });
    if (store.backend === 'indexeddb') {
      // In the database while the checker is still on its way: a reload now keeps the answer.
      await expect.poll(async () => (await rawAll(factory, NAME, 'runs')).length).toBe(1);
      expect(await rawAll(factory, NAME, 'runs')).toEqual([record('first')]);
    } else await expect.poll(() => checker.asked()).toBe(true);
    expect(settled).toBe(false);

    checker.release();
    expect(await saving).toEqual({ ok: true });
    expect(await store.load(id('first'))).toEqual(record('first'));
    store.close();
  });

  it('sets a broken first write aside, with why, and reports it refused', async () => {
    const store = await open(new IDBFactory());
    const notices: StorageNotice[] = [];
    store.subscribe((n) => notices.push(n));
    const broken = { ...record('broken'), path: [] };
    expect(await store.save(broken)).toMatchObject({ ok: false, code: 'storage.invalid' });
    expect(notices).toEqual([expect.objectContaining({ code: 'storage.invalid' })]);
    expect(await store.load(id('broken'))).toBeUndefined();
    expect(await store.listRuns()).toEqual([]);
    // Kept, not lost: the quarantine holds it with the checker's reason.
    expect(await store.listQuarantine()).toEqual([expect.objectContaining({ source: 'runs', key: 'broken', raw: broken, reason: expect.stringContaining('path') })]);
    // Once loaded, the checker refuses before writing.
    expect(await store.save({ ...record('late'), path: [] })).toMatchObject({ ok: false, code: 'storage.invalid' });
    expect(await store.listQuarantine()).toHaveLength(1);
    store.close();
  });

  it('forgets a kiosk (a new person) without loading the checker', async () => {
    const checker = holdChecker();
    const factory = new IDBFactory();
    const store = await open(factory);
    expect(await store.forgetMode('kiosk')).toEqual({ ok: true });
    expect(checker.asked()).toBe(false);
    checker.release();
    store.close();
  });
});

describe('indexeddb store, before the checker is loaded', () => {
  it('reads a stored run to resume through the checker: a damaged one is set aside with why', async () => {
    const factory = new IDBFactory();
    const first = await openIndexedDb(factory);
    await first.save(record('kept'));
    first.close();
    const db = await rawOpen(factory, NAME);
    const tx = db.transaction('runs', 'readwrite');
    tx.objectStore('runs').put({ ...record('damaged'), answers: 'not answers' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    vi.resetModules();
    const store = await openIndexedDb(factory);
    const notices: StorageNotice[] = [];
    store.subscribe((n) => notices.push(n));
    expect(await store.listRuns()).toEqual([record('kept')]);
    expect(notices).toEqual([expect.objectContaining({ code: 'storage.quarantined', key: 'damaged' })]);
    store.close();
  });

  it('upgrades a version-1 database: the upgrade waits for the checker, then migrates every record', async () => {
    const factory = new IDBFactory();
    const v1 = await rawOpen(factory, NAME, 1, (db) => {
      db.createObjectStore('sessions', { keyPath: 'id' });
      db.createObjectStore('settings');
    });
    const tx = v1.transaction('sessions', 'readwrite');
    tx.objectStore('sessions').put(recordV1('running'));
    tx.objectStore('sessions').put({ version: 1, id: 'broken', status: 'in-progress' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    v1.close();

    const store = await openIndexedDb(factory);
    expect(await rawAll(factory, NAME, 'runs')).toEqual([expect.objectContaining({ id: 'running', version: 2, mode: 'kiosk' })]);
    expect(await store.listQuarantine()).toEqual([expect.objectContaining({ source: 'legacy-sessions', key: 'broken' })]);
    store.close();
  });
});
