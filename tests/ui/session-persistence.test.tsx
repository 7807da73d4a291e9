import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { createRecord, type Answers, type QuestionId, type QuestionnaireEvent, type QuestionnaireId, type SessionId, type SessionRecord } from '../../src/core/index.ts';
import { resumeOf } from '../../src/run/resume.ts';
import { createRun, type RunController } from '../../src/run/run-controller.ts';
import { createMemoryStore } from '../../src/storage/memory-store.ts';
import { type OpenedStorage, type SessionStore } from '../../src/storage/index.ts';
import { loadTallies } from '../../src/core/tally.ts';
import { createSessionPersistence, type SessionPersistence } from '../../src/ui/session-persistence.ts';
import { loadSample, pick } from '../core/sample.ts';
import { indexEntry, renderKiosk } from './kiosk-harness.tsx';

afterEach(cleanup);

const Q = 'exemple' as QuestionnaireId;
const q = (id: string) => id as QuestionId;
let clock = Date.parse('2026-03-01T10:00:00.000Z');
const now = () => new Date(clock).toISOString();
let ids = 0;
const newId = () => `session-${++ids}` as SessionId;

const loaded = loadSample();
const answers: Answers = { equipement: { type: 'choices', options: ['smartphone'] } } as Answers;
const expert = [pick('smartphone'), pick('ordinateur'), 'next', pick('souvent'), 'next', pick('montrer'), 'next', pick('montrer'), 'next', pick('supprimer'), 'next', pick('non'), 'next'] as const;
const never = [pick('aucun'), 'next', pick('jamais'), 'next', pick('oui'), 'next', pick('non'), 'next'] as const;

/** A kiosk run of the sample questionnaire, written through the persistence's sink; past the welcome screen. */
function kioskRun(persistence: SessionPersistence, resumed?: SessionRecord, mode: 'kiosk' | 'interview' = 'kiosk') {
  const run = createRun({ loaded, mode, language: 'fr', sink: persistence.sink?.({ resumed }), now, newId, ...(resumed ? { resume: resumeOf(loaded, resumed) } : {}) });
  if (!resumed) run.next();
  return run;
}
/** Gives answers ('next' goes on), as a person on the kiosk would. */
function answer(run: RunController, steps: readonly (QuestionnaireEvent | 'next')[]) {
  for (const step of steps) {
    if (step === 'next') run.next();
    else if (step.type === 'answer.select') run.select(step.option);
  }
}

function setUp(open: () => Promise<OpenedStorage> = async () => ({ store: createMemoryStore({ now }) })) {
  let store: SessionStore | undefined;
  const persistence = createSessionPersistence({
    open: async () => {
      const opened = await open();
      store = opened.store;
      return opened;
    },
  });
  const stored = async (run?: RunController) => {
    await run?.flush();
    await persistence.resume?.(Q); // waits for the writes queued before
    if (!store) throw new Error('storage was never opened');
    return { runs: await store.listRuns(), results: await store.listResults() };
  };
  return { persistence, stored };
}

describe('session persistence over the SessionStore', () => {
  // A closing page may write a run and end before the store takes it away again beside its own result
  // (indexeddb-store's putRun): taking up, the result stands, however recent the run's copy.
  it('takes up the result, not a run of the same id left beside it', async () => {
    const memory = createMemoryStore({ now });
    const { persistence } = setUp(async () => ({ store: memory }));
    const run = kioskRun(persistence);
    answer(run, never);
    await run.flush();
    const [result] = await memory.listResults();
    expect(result?.status).toBe('completed');
    const stale = { ...result!, status: 'in-progress' as const, updatedAt: '2999-01-01T00:00:00.000Z' };
    memory.listRuns = async () => [stale];
    expect((await persistence.resume?.(Q))?.status).toBe('completed');
  });

  it('saves the run on every change, the result when it ends, and forgets both', async () => {
    const { persistence, stored } = setUp();
    const run = kioskRun(persistence);
    let { runs, results } = await stored(run);
    expect(results).toEqual([]);
    expect(runs).toEqual([expect.objectContaining({ mode: 'kiosk', contentHash: loaded.contentHash, status: 'in-progress', answers: {}, path: [q('bienvenue'), q('equipement')], language: 'fr' })]);
    run.select('smartphone' as never);
    ({ runs } = await stored(run));
    expect(runs[0]?.answers).toEqual({ equipement: { type: 'choices', options: ['smartphone'] } });

    clock += 1000;
    answer(run, expert.slice(1));
    ({ runs, results } = await stored(run));
    expect(runs).toEqual([]);
    expect(results).toEqual([expect.objectContaining({ status: 'completed', language: 'fr', completedAt: now() })]);

    run.stop();
    persistence.forgotten?.();
    expect(await stored()).toEqual({ runs: [], results: [] });
  });

  it('writes a language switched mid-run at once, before any other answer', async () => {
    const { persistence, stored } = setUp();
    const run = kioskRun(persistence);
    run.select('smartphone' as never);
    run.setLanguage('en');
    const { runs } = await stored(run);
    expect(runs).toEqual([expect.objectContaining({ language: 'en', answers: { equipement: { type: 'choices', options: ['smartphone'] } } })]);
  });

  it('going back from a result goes on under a new id, as a completed record is never reopened', async () => {
    const { persistence, stored } = setUp();
    const run = kioskRun(persistence);
    answer(run, expert);
    const { results: ended } = await stored(run);
    expect(ended).toHaveLength(1);
    run.back();
    const { runs, results } = await stored(run);
    expect(results).toEqual([]);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe('in-progress');
    expect(runs[0]?.id).not.toBe(ended[0]?.id);
    expect(persistence.notice.get()).toBeUndefined();
  });

  it('hands back the newest kiosk run whatever its age: the idle policy, not a timer, decides what is forgotten', async () => {
    const { persistence, stored } = setUp();
    const run = kioskRun(persistence);
    run.select('smartphone' as never);
    await stored(run);
    clock += 10 * 60_000;
    expect(await persistence.resume?.(Q)).toEqual(expect.objectContaining({ answers: { equipement: { type: 'choices', options: ['smartphone'] } }, path: [q('bienvenue'), q('equipement')] }));
    // "Commencer" for the next person forgets it first.
    run.stop();
    const nextPerson = kioskRun(persistence);
    const { runs } = await stored(nextPerson);
    expect(runs).toEqual([expect.objectContaining({ answers: {} })]);
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
    const run = kioskRun(persistence);
    await stored(run);
    expect(seen).toEqual(['storage.quota']);
    expect(run.saveFailed.get()).toBe(true);
    full = false;
    run.select('smartphone' as never);
    await stored(run);
    expect(seen).toEqual(['storage.quota', undefined]);
    expect(run.saveFailed.get()).toBe(false);
  });

  it('says a newer Repères took the database over, not that a write failed', async () => {
    const memory = createMemoryStore({ now });
    const outdated: SessionStore = Object.assign(Object.create(memory) as SessionStore, {
      save: () => Promise.resolve({ ok: false as const, code: 'storage.outdated' as const }),
    });
    const { persistence, stored } = setUp(async () => ({ store: outdated }));
    await stored(kioskRun(persistence));
    expect(persistence.notice.get()).toBe('storage.outdated');
  });
});

describe('a kiosk whose storage holds nothing at start (the probe said so)', () => {
  it('shows the start screen without opening storage, forgets no one, and opens it with the first write', async () => {
    const store = createMemoryStore({ now });
    let opens = 0;
    const persistence = createSessionPersistence({
      open: async () => {
        opens++;
        return { store };
      },
      mayHoldRecords: async () => false,
    });
    expect(await persistence.resume?.(Q)).toBeUndefined();
    persistence.forgotten?.();
    expect(opens).toBe(0);
    const run = createRun({ loaded, mode: 'kiosk', language: 'fr', sink: persistence.sink?.({ resumed: undefined }), now, newId });
    run.next();
    run.select('smartphone' as never);
    await run.flush();
    expect(opens).toBe(1);
    expect(await store.listRuns()).toEqual([expect.objectContaining({ answers: { equipement: { type: 'choices', options: ['smartphone'] } } })]);
    // Once something was written, the next person's "Commencer" forgets it first.
    run.stop();
    const next = createRun({ loaded, mode: 'kiosk', language: 'fr', sink: persistence.sink?.({ resumed: undefined }), now, newId });
    await next.flush();
    expect(await store.listRuns()).toEqual([expect.objectContaining({ answers: {} })]);
  });

  it('opens storage at start when a run may be waiting, and takes it up', async () => {
    const first = setUp();
    const run = kioskRun(first.persistence);
    run.select('smartphone' as never);
    const { runs } = await first.stored(run);
    const store = createMemoryStore({ now, seed: { runs } });
    const again = createSessionPersistence({ open: async () => ({ store }), mayHoldRecords: async () => true });
    expect(await again.resume?.(Q)).toEqual(expect.objectContaining({ answers: { equipement: { type: 'choices', options: ['smartphone'] } } }));
  });
});

describe('kiosk tallies for the observatory', () => {
  function tallied(today = () => '2026-03-02') {
    const store = createMemoryStore({ now });
    const persistence = createSessionPersistence({ open: async () => ({ store }), today });
    const book = async (run?: RunController) => {
      await run?.flush();
      await persistence.resume?.(Q);
      await persistence.resume?.(Q); // the count is queued after the write that ended the run
      const { tallies } = await loadTallies((key) => store.getSetting(key));
      return tallies.length > 0 ? tallies : undefined;
    };
    return { store, persistence, book };
  }

  it('counts a finished kiosk run with its week, profile, levels and flags only, and keeps it through the kiosk wipe', async () => {
    const { store, persistence, book } = tallied();
    const first = kioskRun(persistence);
    answer(first, never);
    const tallies = await book(first);
    expect(tallies).toEqual([expect.objectContaining({ questionnaireId: Q, week: '2026-W10', profile: 'decouverte', count: 1 })]);
    expect(Object.keys(tallies?.[0] ?? {}).sort()).toEqual(['areas', 'count', 'flags', 'profile', 'questionnaireId', 'questionnaireVersion', 'week']);
    first.stop();
    persistence.forgotten?.(); // "Terminer et effacer" or the idle reset
    await book();
    expect((await store.listResults()).length + (await store.listRuns()).length).toBe(0);
    expect(await book()).toHaveLength(1);
    // The next person adds to the same count.
    const second = kioskRun(persistence);
    answer(second, never);
    expect(await book(second)).toEqual([expect.objectContaining({ profile: 'decouverte', count: 2 })]);
  });

  it('counts two people who finish one after the other, even before the first count is written', async () => {
    const { persistence, book } = tallied();
    for (const _person of [1, 2]) {
      const run = kioskRun(persistence);
      answer(run, never);
      run.stop();
      persistence.forgotten?.();
    }
    expect(await book()).toEqual([expect.objectContaining({ profile: 'decouverte', count: 2 })]);
  });

  it('counts a run that went back from its result and ended again once, with its last result', async () => {
    const { persistence, book } = tallied();
    const run = kioskRun(persistence);
    answer(run, never);
    await book(run);
    run.back();
    run.back();
    run.select('non' as never);
    answer(run, ['next', 'next']);
    expect(run.view().outcome?.profile).toBe('faire-pour');
    expect(await book(run)).toEqual([expect.objectContaining({ profile: 'faire-pour', count: 1 })]);
  });

  it('does not count a result again when it is resumed after a reload, nor a professional run', async () => {
    const { store, persistence, book } = tallied();
    const run = kioskRun(persistence);
    answer(run, never);
    await book(run);
    // After a reload: a new persistence over the same store resumes the result and writes it again.
    const again = createSessionPersistence({ open: async () => ({ store }) });
    const record = await again.resume?.(Q);
    expect(record).toEqual(expect.objectContaining({ status: 'completed' }));
    const resumed = kioskRun(again, record);
    expect(resumed.view().atResult).toBe(true);
    await resumed.flush();
    await again.resume?.(Q);
    expect(await book()).toEqual([expect.objectContaining({ count: 1 })]);

    const pro = tallied();
    const interview = kioskRun(pro.persistence, undefined, 'interview');
    answer(interview, never);
    expect(await pro.book(interview)).toBeUndefined();
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
    createRecord({ id: 'abc' as SessionId, questionnaireId: Q, questionnaireVersion: entry.version, contentHash: entry.contentHash, mode: 'kiosk', language: 'fr', now: new Date().toISOString(), start: q('bienvenue') });

  it('resumes a run at the same question, with the same answers', async () => {
    const { persistence, ready } = seeded({ ...base(), answers, path: [q('bienvenue'), q('equipement')] });
    await ready;
    await renderKiosk({ events: persistence });
    const heading = await screen.findByRole('heading', { level: 1, name: /Étape 2 sur/ });
    expect(heading.textContent).toContain('appareils');
    expect((screen.getByRole('checkbox', { name: /smartphone/i }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says so when a run kept here is damaged, and starts afresh', async () => {
    const store = createMemoryStore({ now: () => new Date().toISOString(), seed: { runs: [{ ...base(), answers: 'garbled', mode: 'kiosk' }] } });
    const persistence = createSessionPersistence({ open: async () => ({ store }) });
    await renderKiosk({ events: persistence });
    await screen.findByRole('heading', { level: 1, name: "Questionnaire d'exemple" });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain("n'ont pas pu être relues"));
    fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: /Bienvenue/ });
    expect(screen.queryByText(/n'ont pas pu être relues/)).toBeNull();
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
