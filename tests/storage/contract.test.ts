// One behaviour, two stores: every case here runs against IndexedDB (fake-indexeddb) and the memory twin.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionnaireId, SessionId } from '../../src/core/index.ts';
import { createMemoryStore } from '../../src/storage/memory-store.ts';
import { openStorage, type SessionStore, type StorageNotice } from '../../src/storage/index.ts';
import { completed, exhaustIndexedDbQuota, now, record, recordV1, rawPut } from './fixtures.ts';

interface Harness {
  open(): Promise<SessionStore>;
  /** Writes a raw value into a store behind the app's back (a bug, an old version, a hand edit). */
  inject(store: 'runs' | 'results', raw: unknown): Promise<void>;
  /** Makes writes that need space fail with a quota error; returns the restore function. */
  exhaustQuota(): () => void;
}

function indexedDbHarness(): Harness {
  const factory = new IDBFactory();
  return {
    async open() {
      const { store, fallback } = await openStorage({ indexedDB: factory, name: 'contract', now });
      expect(fallback).toBeUndefined();
      expect(store.backend).toBe('indexeddb');
      return store;
    },
    inject: (store, raw) => rawPut(factory, 'contract', store, [raw]),
    exhaustQuota: exhaustIndexedDbQuota,
  };
}

function memoryHarness(): Harness {
  const seed: { runs: unknown[]; results: unknown[] } = { runs: [], results: [] };
  let full = false;
  let store: SessionStore | undefined;
  return {
    async open() {
      store = createMemoryStore({ seed, now, quota: () => (full ? 0 : Number.POSITIVE_INFINITY) });
      return store;
    },
    // The memory store only takes raw values through its seed, read when the test reopens it.
    async inject(where, raw) {
      seed[where].push(raw);
    },
    exhaustQuota() {
      full = true;
      return () => {
        full = false;
      };
    },
  };
}

const kinds: [string, () => Harness][] = [
  ['indexeddb', indexedDbHarness],
  ['memory', memoryHarness],
];

const id = (s: string) => s as SessionId;

describe.each(kinds)('SessionStore contract: %s', (_kind, makeHarness) => {
  let harness: Harness;
  let store: SessionStore;
  let notices: StorageNotice[];

  /** Opens the store again after raw values were injected (the memory twin reads them from its seed,
   * so tests inject before they save). */
  async function reopen(): Promise<SessionStore> {
    store.close();
    store = await harness.open();
    store.subscribe((n) => notices.push(n));
    return store;
  }

  beforeEach(async () => {
    harness = makeHarness();
    notices = [];
    store = await harness.open();
    store.subscribe((n) => notices.push(n));
  });

  afterEach(() => store.close());

  it('saves a run and loads it back, as a copy in both directions', async () => {
    const run = record('a');
    expect(await store.save(run)).toEqual({ ok: true });
    run.language = 'en';
    const loaded = await store.load(id('a'));
    expect(loaded).toEqual(record('a'));
    if (loaded) loaded.language = 'ar';
    expect((await store.load(id('a')))?.language).toBe('fr');
    expect(await store.load(id('nobody'))).toBeUndefined();
  });

  it('keeps the last whole write of a run, saved on every answer', async () => {
    await store.save(record('a'));
    const later = record('a', { path: ['bienvenue', 'equipement', 'usage'] as never, answers: { equipement: { type: 'choices', options: ['tablette'] } } as never }, 5);
    await store.save(later);
    expect(await store.listRuns()).toEqual([later]);
  });

  it('moves a completed run from runs to results, and never reopens it', async () => {
    const run = record('a');
    await store.save(run);
    expect(await store.save(completed(run))).toEqual({ ok: true });
    expect(await store.listRuns()).toEqual([]);
    expect(await store.listResults()).toEqual([completed(run)]);
    expect((await store.load(id('a')))?.status).toBe('completed');
    // A late autosave (another tab, a slow timer) must not bring the run back.
    expect(await store.save(record('a', {}, 40))).toMatchObject({ ok: false, code: 'storage.already-completed' });
    expect(await store.listRuns()).toEqual([]);
    expect(notices).toContainEqual({ code: 'storage.already-completed' });
  });

  it('refuses to write a record that readRecord() rejects', async () => {
    const broken = { ...record('a'), path: [] };
    const result = await store.save(broken);
    expect(result).toMatchObject({ ok: false, code: 'storage.invalid' });
    expect(await store.load(id('a'))).toBeUndefined();
  });

  it('lists results by questionnaire and mode, most recently completed first', async () => {
    await store.save(completed(record('k1'), 10));
    await store.save(completed(record('k2'), 20));
    await store.save(completed(record('i1', { mode: 'interview' }), 15));
    await store.save(completed(record('o1', { questionnaireId: 'autre' as QuestionnaireId, mode: 'interview' }), 25));
    const ids = (records: { id: string }[]) => records.map((r) => r.id);
    expect(ids(await store.listResults())).toEqual(['o1', 'k2', 'i1', 'k1']);
    expect(ids(await store.listResults({ mode: 'kiosk' }))).toEqual(['k2', 'k1']);
    expect(ids(await store.listResults({ questionnaireId: 'exemple' as QuestionnaireId, mode: 'interview' }))).toEqual(['i1']);
    expect(ids(await store.listResults({ questionnaireId: 'autre' as QuestionnaireId }))).toEqual(['o1']);
  });

  it('lists unfinished runs, most recently updated first', async () => {
    await store.save(record('old', {}, 1));
    await store.save(record('new', { mode: 'interview' }, 9));
    await store.save(record('gone', { status: 'abandoned' }, 5));
    expect((await store.listRuns()).map((r) => r.id)).toEqual(['new', 'gone', 'old']);
    expect((await store.listRuns({ mode: 'kiosk' })).map((r) => r.id)).toEqual(['gone', 'old']);
  });

  it('keeps settings as JSON values', async () => {
    expect(await store.getSetting('language')).toBeUndefined();
    const value = { language: 'fr', easyRead: true, size: 1.25, pictos: ['a', 'b'], nothing: null };
    expect(await store.setSetting('display', value)).toEqual({ ok: true });
    value.language = 'en';
    expect(await store.getSetting('display')).toEqual({ ...value, language: 'fr' });
    await store.removeSetting('display');
    expect(await store.getSetting('display')).toBeUndefined();
  });

  it('sets a malformed stored record aside in the quarantine and reports it, without failing', async () => {
    await harness.inject('runs', { version: 2, id: 'bad', mode: 'kiosk', answers: 'nope' });
    await harness.inject('results', { ...completed(record('bad-result', { mode: 'interview' })), answers: { q: { type: 'choice' } } });
    await reopen();
    await store.save(record('good'));
    expect((await store.listRuns()).map((r) => r.id)).toEqual(['good']);
    expect(await store.listResults()).toEqual([]);
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'storage.quarantined', source: 'runs', key: 'bad' }),
        expect.objectContaining({ code: 'storage.quarantined', source: 'results', key: 'bad-result' }),
      ]),
    );
    const quarantine = await store.listQuarantine();
    expect(quarantine).toHaveLength(2);
    expect(quarantine.find((q) => q.key === 'bad')).toMatchObject({ source: 'runs', mode: 'kiosk', quarantinedAt: now(), raw: { id: 'bad', answers: 'nope' } });
    expect(quarantine.find((q) => q.key === 'bad-result')?.reason).toMatch(/^answers\.q\.option is missing$/);
    // Set aside once: reading again finds nothing more to report.
    notices.length = 0;
    await store.listRuns();
    await store.listResults();
    expect(notices).toEqual([]);
  });

  it('quarantines a malformed record met by load()', async () => {
    await harness.inject('runs', { version: 'two', id: 'x' });
    await reopen();
    expect(await store.load(id('x'))).toBeUndefined();
    expect(await store.listQuarantine()).toEqual([expect.objectContaining({ key: 'x', reason: 'no version number' })]);
  });

  it('reads a version-1 record through the core migration', async () => {
    await harness.inject('runs', recordV1('old'));
    await reopen();
    expect(await store.load(id('old'))).toMatchObject({ version: 2, mode: 'kiosk', language: 'fr' });
  });

  it('leaves a record written by a newer app in place, unread, and says so', async () => {
    await harness.inject('runs', { ...record('future'), version: 3 });
    await reopen();
    expect(await store.listRuns()).toEqual([]);
    expect(await store.listQuarantine()).toEqual([]);
    expect(notices).toContainEqual({ code: 'storage.too-new', source: 'runs', key: 'future' });
  });

  it('reports a full disk as a typed failure and loses nothing already saved', async () => {
    const first = record('a');
    await store.save(first);
    await store.setSetting('language', 'fr');
    const restore = harness.exhaustQuota();
    try {
      expect(await store.save(record('a', { language: 'en' }, 3))).toMatchObject({ ok: false, code: 'storage.quota' });
      expect(await store.save(completed(first))).toMatchObject({ ok: false, code: 'storage.quota' });
      expect(await store.setSetting('language', 'en')).toMatchObject({ ok: false, code: 'storage.quota' });
      expect(notices.filter((n) => n.code === 'storage.quota')).toHaveLength(3);
      expect(await store.listRuns()).toEqual([first]);
      expect(await store.listResults()).toEqual([]);
      expect(await store.getSetting('language')).toBe('fr');
      // Freeing space needs no quota.
      expect(await store.removeSetting('language')).toEqual({ ok: true });
    } finally {
      restore();
    }
    // The run went on in memory meanwhile; the next whole write catches up completely.
    const caughtUp = record('a', { language: 'en' }, 4);
    expect(await store.save(caughtUp)).toEqual({ ok: true });
    expect(await store.load(id('a'))).toEqual(caughtUp);
  });

  it('forgets one session everywhere, and only that one', async () => {
    await harness.inject('runs', { version: 2, id: 'person-bad', mode: 'kiosk' });
    await reopen();
    await store.listRuns();
    await store.save(record('person'));
    await store.save(completed(record('done')));
    await store.save(record('other'));
    expect(await store.forgetSession(id('person'))).toEqual({ ok: true });
    expect(await store.forgetSession(id('done'))).toEqual({ ok: true });
    expect(await store.forgetSession(id('person-bad'))).toEqual({ ok: true });
    expect((await store.listRuns()).map((r) => r.id)).toEqual(['other']);
    expect(await store.listResults()).toEqual([]);
    expect(await store.listQuarantine()).toEqual([]);
  });

  it('forgets every kiosk session, keeping interviews and settings', async () => {
    await harness.inject('runs', { version: 2, id: 'kiosk-bad', mode: 'kiosk' });
    await harness.inject('runs', recordV1('kiosk-v1'));
    await reopen();
    await store.listRuns();
    await store.save(record('k-run'));
    await store.save(completed(record('k-done')));
    await store.save(record('i-run', { mode: 'interview' }));
    await store.save(completed(record('i-done', { mode: 'interview' })));
    await store.setSetting('mode', 'kiosk');
    expect(await store.forgetMode('kiosk')).toEqual({ ok: true });
    expect((await store.listRuns()).map((r) => r.id)).toEqual(['i-run']);
    expect((await store.listResults()).map((r) => r.id)).toEqual(['i-done']);
    expect(await store.listQuarantine()).toEqual([]);
    expect(await store.getSetting('mode')).toBe('kiosk');
  });

  it('wipes everything', async () => {
    await store.save(record('a'));
    await store.save(completed(record('b')));
    await store.setSetting('language', 'fr');
    expect(await store.wipeAll()).toEqual({ ok: true });
    expect(await store.listRuns()).toEqual([]);
    expect(await store.listResults()).toEqual([]);
    expect(await store.getSetting('language')).toBeUndefined();
    expect(await store.listQuarantine()).toEqual([]);
  });

  it('reports writes after close() as storage.closed, and reads as empty', async () => {
    await store.save(record('a'));
    store.close();
    expect(await store.save(record('b'))).toMatchObject({ ok: false, code: 'storage.closed' });
    expect(await store.listRuns()).toEqual([]);
  });

  it('survives a listener that throws', async () => {
    store.subscribe(() => {
      throw new Error('broken banner');
    });
    expect(await store.save({ ...record('a'), mode: 'nope' as never })).toMatchObject({ ok: false, code: 'storage.invalid' });
    expect(notices).toEqual([expect.objectContaining({ code: 'storage.invalid' })]);
  });
});
