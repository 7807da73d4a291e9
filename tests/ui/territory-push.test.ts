import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/index.ts';
import { addTally, EMPTY_TALLY_BOOK, tallyOf, TALLY_SETTING } from '../../src/core/tally.ts';
import type { TerritoryDoc } from '../../src/core/territory-push.ts';
import { createMemoryStore } from '../../src/storage/memory-store.ts';
import { type SessionStore, type SettingValue } from '../../src/storage/index.ts';
import { countKioskRun, type TallyState } from '../../src/ui/kiosk-tally.ts';
import { PUSH_DONE_SETTING, pushAtStart, pushTallies, schedulePush } from '../../src/ui/territory-push.ts';

// The kiosk's push to the territory observatory, against a depot played by a fetch that records
// what it is sent and answers as told: what goes, when, and what a failure leaves behind.

const DEPOT = 'https://observatoire.example.org/depot/territoire';
const SETTINGS = { structure: 'CCAS de Montreuil', observatoryUrl: DEPOT };
const outcome = (profile: string) => ({ profile, areas: [{ area: 'internet', level: 'acquis', score: 90, points: 9, max: 10 }], global: 90, flags: ['urgence'], steps: [], gaps: [] }) as unknown as Outcome;
const finished = (profile: string) => ({ questionnaireId: 'q', answers: { q1: 'oui' }, path: ['q1'], language: 'fr', outcome: outcome(profile) }) as never;

type Answer = number | 'offline';
/** A depot: records each PUT (URL and body) and answers with the next status given (201 once they run out). */
function depot(...answers: Answer[]) {
  const seen: { url: string; doc: TerritoryDoc; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const answer = answers.shift() ?? 201;
    seen.push({ url, doc: JSON.parse(String(init.body)) as TerritoryDoc, init });
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response('{}', { status: answer });
  }) as unknown as typeof globalThis.fetch;
  return { seen, fetch };
}

/** A store with `runs` kiosk results counted on the given day (no push from the count itself). */
async function kiosk(days: string[], profile = 'decouverte'): Promise<SessionStore> {
  const store = createMemoryStore();
  for (const day of days) await countKioskRun(store, finished(profile), { resumed: false }, () => day, () => undefined);
  return store;
}
const settings = async () => SETTINGS;

describe('the kiosk’s push to the territory observatory', () => {
  it('sends a week that is over at once, and the current week once five runs wait', async () => {
    const store = await kiosk(['2026-11-16', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
    const first = depot();
    expect(await pushTallies({ store, settings, fetch: first.fetch, today: () => '2026-11-26' })).toEqual({ sent: 1 });
    // Week 47 is over (one run); week 48 has four: it waits.
    expect(first.seen.map((s) => s.doc.week)).toEqual(['2026-W47']);
    expect(first.seen[0]?.url).toBe(`${DEPOT}/${first.seen[0]?.doc._id}`);
    expect(first.seen[0]?.init).toMatchObject({ method: 'PUT', credentials: 'omit' });
    expect(first.seen[0]?.doc).toEqual({
      _id: expect.stringMatching(/^tally-[a-z0-9]{24}$/),
      type: 'reperes-tally',
      version: 1,
      structure: 'CCAS de Montreuil',
      week: '2026-W47',
      tallies: [{ questionnaireId: 'q', profile: 'decouverte', areas: { internet: 'acquis' }, flags: ['urgence'], count: 1 }],
    });
    // Nothing about a person or a time: no answer, no path, no language, no date.
    // (The tally's random id is left out: it may spell "q1" by chance.)
    expect(JSON.stringify(first.seen).replace(/tally-[a-z0-9]+/g, 'tally-ID')).not.toMatch(/oui|q1|"fr"|2026-11-2\d|T\d\d:/);
    expect(await store.getSetting(PUSH_DONE_SETTING)).toEqual(['2026-W47']);

    await countKioskRun(store, finished('autonome'), { resumed: false }, () => '2026-11-27', () => undefined);
    const second = depot();
    expect(await pushTallies({ store, settings, fetch: second.fetch, today: () => '2026-11-27' })).toEqual({ sent: 1 });
    expect(second.seen.map((s) => [s.doc.week, s.doc.tallies.map((t) => `${t.profile} ${t.count}`)])).toEqual([['2026-W48', ['decouverte 4', 'autonome 1']]]);
    // Nothing new: nothing sent.
    const third = depot();
    expect(await pushTallies({ store, settings, fetch: third.fetch, today: () => '2026-11-27' })).toEqual({ sent: 0 });
    expect(third.seen).toEqual([]);
  });

  it('changes nothing on the kiosk when the server is down, and sends the same document again later', async () => {
    const store = await kiosk(['2026-11-16', '2026-11-17']);
    const books = JSON.stringify(await store.getSetting(`${TALLY_SETTING}.2026-W47`));
    const down = depot('offline');
    expect(await pushTallies({ store, settings, fetch: down.fetch, today: () => '2026-11-23' })).toEqual({ sent: 0, problem: 'offline' });
    expect(JSON.stringify(await store.getSetting(`${TALLY_SETTING}.2026-W47`))).toBe(books);
    // A 500 is no better; the document waits with the same id.
    const failing = depot(500);
    expect(await pushTallies({ store, settings, fetch: failing.fetch, today: () => '2026-11-23' })).toEqual({ sent: 0, problem: 'server' });
    expect(failing.seen[0]?.doc).toEqual(down.seen[0]?.doc);
    // The server had stored it after all (the answer was lost): 409, taken as received, never a second document.
    const back = depot(409);
    expect(await pushTallies({ store, settings, fetch: back.fetch, today: () => '2026-11-23' })).toEqual({ sent: 1 });
    expect(back.seen.map((s) => s.doc._id)).toEqual([down.seen[0]?.doc._id]);
    expect(await store.getSetting(PUSH_DONE_SETTING)).toEqual(['2026-W47']);
  });

  it('sends again what the server refused, and goes on with the other weeks', async () => {
    const store = await kiosk(['2026-11-09', '2026-11-16']);
    const refusing = depot(403);
    expect(await pushTallies({ store, settings, fetch: refusing.fetch, today: () => '2026-11-23' })).toEqual({ sent: 1, problem: 'refused' });
    expect(refusing.seen.map((s) => s.doc.week)).toEqual(['2026-W46', '2026-W47']);
    const later = depot();
    expect(await pushTallies({ store, settings, fetch: later.fetch, today: () => '2026-11-23' })).toEqual({ sent: 1 });
    expect(later.seen.map((s) => s.doc._id)).toEqual([refusing.seen[0]?.doc._id]);
  });

  it('sends a run taken back as a negative line, and the tallies of the book of earlier versions', async () => {
    const store = createMemoryStore();
    await store.setSetting(TALLY_SETTING, addTally(EMPTY_TALLY_BOOK, tallyOf('q', outcome('faire-pour'), '2026-06-01')) as unknown as SettingValue);
    const state: TallyState = { resumed: false };
    for (const day of ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']) await countKioskRun(store, finished('decouverte'), { resumed: false }, () => day, () => undefined);
    await countKioskRun(store, finished('premiers-pas'), state, () => '2026-11-20', () => undefined);
    const first = depot();
    await pushTallies({ store, settings, fetch: first.fetch, today: () => '2026-11-20' });
    expect(first.seen.map((s) => [s.doc.week, s.doc.tallies.map((t) => `${t.profile} ${t.count}`)])).toEqual([
      ['2026-W23', ['faire-pour 1']],
      ['2026-W47', ['decouverte 5', 'premiers-pas 1']],
    ]);
    // The person went back from the result and ended otherwise: the week is over when it goes.
    await countKioskRun(store, finished('autonome'), state, () => '2026-11-20', () => undefined);
    const second = depot();
    await pushTallies({ store, settings, fetch: second.fetch, today: () => '2026-11-23' });
    expect(second.seen.map((s) => s.doc.tallies.map((t) => `${t.profile} ${t.count}`).sort())).toEqual([['autonome 1', 'premiers-pas -1']]);
  });

  it('does nothing without a sound target in settings.json, and never rejects', async () => {
    const store = await kiosk(['2026-11-16']);
    const none = depot();
    for (const file of [{ structure: 'A' }, { structure: 'A', observatoryUrl: 'http://observatoire.example.org/depot' }, { observatoryUrl: DEPOT }]) {
      expect(await pushTallies({ store, settings: async () => file, fetch: none.fetch, today: () => '2026-11-23' })).toEqual({ sent: 0, problem: 'off' });
    }
    expect(await pushTallies({ store, settings: () => Promise.reject(new Error('offline')), fetch: none.fetch })).toEqual({ sent: 0, problem: 'off' });
    const broken: SessionStore = { ...store, setSetting: async () => ({ ok: false, code: 'storage.quota' }) };
    expect(await pushTallies({ store: broken, settings, fetch: none.fetch, today: () => '2026-11-23' })).toEqual({ sent: 0, problem: 'storage' });
    expect(none.seen).toEqual([]);
    // At start, storage is opened only when settings.json names a target.
    let opened = 0;
    const open = async () => (opened++, { store, fallback: undefined }) as never;
    expect(await pushAtStart(open, async () => ({ structure: 'A' }))).toEqual({ sent: 0, problem: 'off' });
    expect(opened).toBe(0);
  });

  it('pushes once at a time: a result counted meanwhile is sent by a second push after the first', async () => {
    const store = await kiosk(['2026-11-16']);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    const slow = (async (_url: string, init: RequestInit) => {
      const doc = JSON.parse(String(init.body)) as TerritoryDoc;
      seen.push(doc.week);
      if (seen.length === 1) await gate;
      return new Response('{}', { status: 201 });
    }) as unknown as typeof fetch;
    const options = { store, settings, fetch: slow, today: () => '2026-11-30' };
    const first = schedulePush(options);
    await countKioskRun(store, finished('autonome'), { resumed: false }, () => '2026-11-23', () => undefined);
    const second = schedulePush(options);
    release();
    await Promise.all([first, second]);
    expect(seen).toEqual(['2026-W47', '2026-W48']);
  });
});
