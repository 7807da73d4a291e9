import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { createRecord, type Answers, type QuestionId, type QuestionnaireId, type SessionId, type SessionRecord } from '../../src/core/index.ts';
import { createMemoryStore, type OpenedStorage, type SessionStore } from '../../src/storage/index.ts';
import { loadTallies } from '../../src/core/tally.ts';
import { createSessionPersistence } from '../../src/ui/session-persistence.ts';
import { indexEntry, renderKiosk } from './kiosk-harness.tsx';

afterEach(cleanup);

const Q = 'exemple' as QuestionnaireId;
const q = (id: string) => id as QuestionId;
let clock = Date.parse('2026-03-01T10:00:00.000Z');
const now = () => new Date(clock).toISOString();
let ids = 0;
const newId = () => `session-${++ids}` as SessionId;

function setUp(open: () => Promise<OpenedStorage> = async () => ({ store: createMemoryStore({ now }) })) {
  let store: SessionStore | undefined;
  const persistence = createSessionPersistence({
    open: async () => {
      const opened = await open();
      store = opened.store;
      return opened;
    },
    now,
    newId,
  });
  const stored = async () => {
    await persistence.resume?.(Q); // waits for the writes queued before
    if (!store) throw new Error('storage was never opened');
    return { runs: await store.listRuns(), results: await store.listResults() };
  };
  return { persistence, stored };
}

const answers: Answers = { equipement: { type: 'choices', options: ['smartphone'] } } as Answers;
const progress = { questionnaireId: Q, answers, path: [q('bienvenue'), q('equipement')], language: 'fr' };

describe('session persistence over the SessionStore', () => {
  it('saves the run on every change, the result when it ends, and forgets both', async () => {
    const { persistence, stored } = setUp();
    persistence.started?.({ questionnaireId: Q, contentHash: 'h1', language: 'fr', mode: 'kiosk' });
    persistence.changed?.({ ...progress, answers: {}, path: [q('bienvenue')] });
    persistence.changed?.(progress);
    let { runs, results } = await stored();
    expect(results).toEqual([]);
    expect(runs).toEqual([expect.objectContaining({ mode: 'kiosk', contentHash: 'h1', status: 'in-progress', answers, path: progress.path, language: 'fr' })]);

    clock += 1000;
    persistence.finished?.({ ...progress, language: 'en', outcome: { profile: 'decouverte' } as never });
    ({ runs, results } = await stored());
    expect(runs).toEqual([]);
    expect(results).toEqual([expect.objectContaining({ status: 'completed', language: 'en', completedAt: now() })]);

    persistence.forgotten?.();
    expect(await stored()).toEqual({ runs: [], results: [] });
  });

  it('going back from a result goes on under a new id, as a completed record is never reopened', async () => {
    const { persistence, stored } = setUp();
    persistence.started?.({ questionnaireId: Q, contentHash: 'h1', language: 'fr', mode: 'kiosk' });
    persistence.finished?.({ ...progress, outcome: { profile: 'decouverte' } as never });
    persistence.changed?.(progress);
    const { runs, results } = await stored();
    expect(results).toEqual([]);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe('in-progress');
    expect(persistence.notice.get()).toBeUndefined();
  });

  it('resumes the newest kiosk session, unless it was left longer than the idle reset allows', async () => {
    const { persistence } = setUp();
    persistence.started?.({ questionnaireId: Q, contentHash: 'h1', language: 'fr', mode: 'kiosk' });
    persistence.changed?.(progress);
    expect(await persistence.resume?.(Q, 120)).toEqual(expect.objectContaining({ answers, path: progress.path }));
    clock += 121_000;
    expect(await persistence.resume?.(Q, 120)).toBeUndefined();
    expect(await persistence.resume?.(Q)).toBeUndefined();
  });

  it('says why storage fell back to memory, and that a write failed, and goes on', async () => {
    const fallback = setUp(async () => ({ store: createMemoryStore({ now }), fallback: { code: 'storage.blocked', detail: 'test' } }));
    await fallback.persistence.resume?.(Q);
    expect(fallback.persistence.notice.get()).toBe('storage.blocked');

    const memory = createMemoryStore({ now });
    let full = true;
    const quota: SessionStore = Object.assign(Object.create(memory) as SessionStore, {
      save: (record: SessionRecord) => (full ? Promise.resolve({ ok: false as const, code: 'storage.quota' as const }) : memory.save(record)),
    });
    const { persistence, stored } = setUp(async () => ({ store: quota }));
    const seen: (string | undefined)[] = [];
    persistence.notice.subscribe((code) => seen.push(code));
    persistence.started?.({ questionnaireId: Q, contentHash: 'h1', language: 'fr', mode: 'kiosk' });
    persistence.changed?.(progress);
    await stored();
    expect(seen).toEqual(['storage.quota']);
    full = false;
    persistence.changed?.(progress);
    await stored();
    expect(seen).toEqual(['storage.quota', undefined]);
  });
});

describe('kiosk tallies for the observatory', () => {
  const outcome = (profile: string, internet: 'acquis' | 'en-cours') =>
    ({ profile, areas: [{ area: 'internet', level: internet, score: 50, points: 1, max: 2 }], global: 50, flags: ['urgence'], steps: ['s'] }) as never;
  function tallied(today = () => '2026-03-02') {
    const store = createMemoryStore({ now });
    const persistence = createSessionPersistence({ open: async () => ({ store }), now, newId, today });
    const book = async () => {
      await persistence.resume?.(Q);
      const { tallies } = await loadTallies((key) => store.getSetting(key));
      return tallies.length > 0 ? tallies : undefined;
    };
    return { store, persistence, book };
  }

  it('counts a finished kiosk run with its week, profile, levels and flags only, and keeps it through the kiosk wipe', async () => {
    const { store, persistence, book } = tallied();
    persistence.started?.({ questionnaireId: Q, contentHash: 'h1', language: 'ar', mode: 'kiosk' });
    persistence.changed?.(progress);
    persistence.finished?.({ ...progress, outcome: outcome('decouverte', 'en-cours') });
    expect(await book()).toEqual([{ questionnaireId: Q, week: '2026-W10', profile: 'decouverte', areas: { internet: 'en-cours' }, flags: ['urgence'], count: 1 }]);
    persistence.forgotten?.(); // "Terminer et effacer" or the idle reset
    await store.forgetMode('kiosk');
    expect((await store.listResults()).length + (await store.listRuns()).length).toBe(0);
    expect(await book()).toHaveLength(1);
    // The next person adds to the same count.
    persistence.started?.({ questionnaireId: Q, contentHash: 'h1', language: 'fr', mode: 'kiosk' });
    persistence.finished?.({ ...progress, outcome: outcome('decouverte', 'en-cours') });
    expect(await book()).toEqual([expect.objectContaining({ profile: 'decouverte', count: 2 })]);
  });

  it('counts two people who finish one after the other, even before the first count is written', async () => {
    const { persistence, book } = tallied();
    for (const _person of [1, 2]) {
      persistence.started?.({ questionnaireId: Q, contentHash: 'h1', language: 'fr', mode: 'kiosk' });
      persistence.finished?.({ ...progress, outcome: outcome('decouverte', 'en-cours') });
      persistence.forgotten?.();
    }
    expect(await book()).toEqual([expect.objectContaining({ profile: 'decouverte', count: 2 })]);
  });

  it('counts a run that went back from its result and ended again once, with its last result', async () => {
    const { persistence, book } = tallied();
    persistence.started?.({ questionnaireId: Q, contentHash: 'h1', language: 'fr', mode: 'kiosk' });
    persistence.finished?.({ ...progress, outcome: outcome('decouverte', 'en-cours') });
    persistence.changed?.(progress);
    persistence.finished?.({ ...progress, outcome: outcome('autonome', 'acquis') });
    expect(await book()).toEqual([expect.objectContaining({ profile: 'autonome', count: 1 })]);
  });

  it('does not count a result again when it is resumed after a reload, nor a professional run', async () => {
    const { store, persistence, book } = tallied();
    persistence.started?.({ questionnaireId: Q, contentHash: 'h1', language: 'fr', mode: 'kiosk' });
    persistence.finished?.({ ...progress, outcome: outcome('decouverte', 'en-cours') });
    await book();
    // After a reload: a new persistence over the same store resumes the result and reports it finished.
    const again = createSessionPersistence({ open: async () => ({ store }), now, newId });
    expect(await again.resume?.(Q)).toEqual(expect.objectContaining({ status: 'completed' }));
    again.finished?.({ ...progress, outcome: outcome('decouverte', 'en-cours') });
    await again.resume?.(Q);
    expect(await book()).toEqual([expect.objectContaining({ count: 1 })]);

    const pro = tallied();
    pro.persistence.started?.({ questionnaireId: Q, contentHash: 'h1', language: 'fr', mode: 'interview' });
    pro.persistence.finished?.({ ...progress, outcome: outcome('decouverte', 'en-cours') });
    expect(await pro.book()).toBeUndefined();
  });
});

describe('the kiosk with persistence', () => {
  function seeded(record: SessionRecord) {
    const store = createMemoryStore({ now: () => new Date().toISOString() });
    const persistence = createSessionPersistence({ open: async () => ({ store }) });
    return { store, persistence, ready: store.save(record) };
  }
  const entry = indexEntry();
  const base = () =>
    createRecord({ id: 'abc' as SessionId, questionnaireId: Q, contentHash: entry.contentHash, mode: 'kiosk', language: 'fr', now: new Date().toISOString(), start: q('bienvenue') });

  it('resumes a run at the same question, with the same answers', async () => {
    const { persistence, ready } = seeded({ ...base(), answers, path: [q('bienvenue'), q('equipement')] });
    await ready;
    await renderKiosk({ events: persistence });
    const heading = await screen.findByRole('heading', { level: 1, name: /Étape 2 sur/ });
    expect(heading.textContent).toContain('appareils');
    expect((screen.getByRole('checkbox', { name: /smartphone/i }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('resumes where the replay stopped when the questionnaire changed, and says so', async () => {
    const { persistence, ready } = seeded({ ...base(), answers, path: [q('bienvenue'), q('equipement'), q('question-retiree')] });
    await ready;
    await renderKiosk({ events: persistence });
    // The answers fitted up to "equipement"; the next step is where the person goes on.
    await screen.findByRole('heading', { level: 1, name: /Étape 3 sur/ });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Le questionnaire a changé'));
    fireEvent.click(screen.getByRole('button', { name: 'Précédent' }));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: /smartphone/i }) as HTMLInputElement).checked).toBe(true));
  });
});
