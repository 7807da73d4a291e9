// The probe the start screen asks before loading storage (src/storage/probe.ts): "no" only when
// nothing can be waiting, and asking never changes the database.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { mayHoldRecords } from '../../src/storage/probe.ts';
import { DB_VERSION, openStorage } from '../../src/storage/index.ts';
import { completed, now, rawOpen, record } from './fixtures.ts';

const NAME = 'probe';

async function stored(factory: IDBFactory, fill: (store: Awaited<ReturnType<typeof openStorage>>['store']) => Promise<unknown>): Promise<void> {
  const { store } = await openStorage({ indexedDB: factory, name: NAME, now });
  await fill(store);
  store.close();
}

describe('may a run be waiting?', () => {
  it('no, on a device that never stored anything; asking creates no database, and storage then creates it whole', async () => {
    const factory = new IDBFactory();
    expect(await mayHoldRecords({ indexedDB: factory, name: NAME })).toBe(false);
    expect((await factory.databases()).map((d) => d.name)).not.toContain(NAME);
    const { store, fallback } = await openStorage({ indexedDB: factory, name: NAME, now });
    expect(fallback).toBeUndefined();
    expect(await store.save(record('a'))).toEqual({ ok: true });
    store.close();
    const db = await rawOpen(factory, NAME);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('no, on a kiosk that forgot its last person (settings and tallies kept)', async () => {
    const factory = new IDBFactory();
    await stored(factory, async (store) => {
      await store.save(record('a'));
      await store.setSetting('places', []);
      await store.forgetSession(record('a').id);
    });
    expect(await mayHoldRecords({ indexedDB: factory, name: NAME })).toBe(false);
  });

  it('yes, when a run or a result is stored', async () => {
    const runs = new IDBFactory();
    await stored(runs, (store) => store.save(record('a')));
    expect(await mayHoldRecords({ indexedDB: runs, name: NAME })).toBe(true);
    const results = new IDBFactory();
    await stored(results, (store) => store.save(completed(record('b'))));
    expect(await mayHoldRecords({ indexedDB: results, name: NAME })).toBe(true);
  });

  it('yes, in doubt: no IndexedDB, a database of another version (an upgrade for storage to run)', async () => {
    expect(await mayHoldRecords({ indexedDB: undefined, name: NAME })).toBe(true);
    const factory = new IDBFactory();
    const v1 = await rawOpen(factory, NAME, 1, (db) => {
      db.createObjectStore('sessions', { keyPath: 'id' });
      db.createObjectStore('settings');
    });
    v1.close();
    expect(await mayHoldRecords({ indexedDB: factory, name: NAME })).toBe(true);
    // Left as it was: storage runs the upgrade.
    const db = await rawOpen(factory, NAME);
    expect(db.version).toBe(1);
    db.close();
  });

  it('yes, when IndexedDB does not answer in time', async () => {
    const silent = { open: () => ({}) as IDBOpenDBRequest } as unknown as IDBFactory;
    expect(await mayHoldRecords({ indexedDB: silent, name: NAME, timeoutMs: 10 })).toBe(true);
  });
});
