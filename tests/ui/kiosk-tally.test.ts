import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/index.ts';
import { addTally, EMPTY_TALLY_BOOK, loadTallies, tallyOf, TALLY_SETTING, TALLY_WEEKS_SETTING } from '../../src/core/tally.ts';
import { createMemoryStore } from '../../src/storage/memory-store.ts';
import { type SessionStore, type SettingValue } from '../../src/storage/index.ts';
import { countKioskRun, type TallyState } from '../../src/ui/kiosk-tally.ts';

// The kiosk's count, book by book: a run reads and writes its own week's book only.

const Q = 'q';
const outcome = (profile: string) => ({ profile, areas: [{ area: 'internet', level: 'acquis', score: 90, points: 9, max: 10 }], global: 90, flags: [], steps: [], gaps: [] }) as unknown as Outcome;
const finished = (profile: string) => ({ questionnaireId: Q, answers: {}, path: [], language: 'fr', outcome: outcome(profile) }) as never;

/** A store that records which settings are read and written. */
function watched(): { store: SessionStore; reads: string[]; writes: string[] } {
  const store = createMemoryStore();
  const reads: string[] = [];
  const writes: string[] = [];
  return {
    reads,
    writes,
    store: {
      ...store,
      getSetting: (key) => (reads.push(key), store.getSetting(key)),
      setSetting: (key, value) => (writes.push(key), store.setSetting(key, value)),
    },
  };
}

describe('counting a kiosk result', () => {
  it('touches its own week only, however many weeks are kept', async () => {
    const { store, reads, writes } = watched();
    for (const [i, day] of ['2026-01-05', '2026-03-02', '2026-11-23'].entries()) await countKioskRun(store, finished(`p${i}`), { resumed: false }, () => day);
    reads.length = 0;
    writes.length = 0;
    await countKioskRun(store, finished('autonome'), { resumed: false }, () => '2026-11-24');
    expect(reads).toEqual([TALLY_WEEKS_SETTING, `${TALLY_SETTING}.2026-W48`]);
    expect(writes).toEqual([`${TALLY_SETTING}.2026-W48`]);
    const { tallies } = await loadTallies((key) => store.getSetting(key));
    expect(tallies.map((t) => [t.week, t.profile, t.count])).toEqual([
      ['2026-W02', 'p0', 1],
      ['2026-W10', 'p1', 1],
      ['2026-W48', 'p2', 1],
      ['2026-W48', 'autonome', 1],
    ]);
  });

  it('lists a new week, and takes the earlier result of the same run back even across a week end', async () => {
    const { store } = watched();
    const state: TallyState = { resumed: false };
    await countKioskRun(store, finished('decouverte'), state, () => '2026-11-29'); // a Sunday
    await countKioskRun(store, finished('autonome'), state, () => '2026-11-30'); // back from the result, ended again on Monday
    expect(await store.getSetting(TALLY_WEEKS_SETTING)).toEqual(['2026-W48', '2026-W49']);
    const { tallies } = await loadTallies((key) => store.getSetting(key));
    expect(tallies.map((t) => [t.week, t.profile, t.count])).toEqual([['2026-W49', 'autonome', 1]]);
  });

  it('reads the single book of earlier versions with the weekly ones, and never writes it', async () => {
    const { store, writes } = watched();
    const legacy = addTally(EMPTY_TALLY_BOOK, tallyOf(Q, outcome('faire-pour'), '2026-06-01'));
    await store.setSetting(TALLY_SETTING, legacy as unknown as SettingValue);
    writes.length = 0;
    await countKioskRun(store, finished('faire-pour'), { resumed: false }, () => '2026-11-23');
    expect(writes).not.toContain(TALLY_SETTING);
    const all = await loadTallies((key) => store.getSetting(key));
    expect(all.tallies.map((t) => t.week)).toEqual(['2026-W23', '2026-W48']);
    const autumn = await loadTallies((key) => store.getSetting(key), { from: '2026-W40', to: '2026-W52' });
    expect(autumn.tallies.map((t) => t.week)).toEqual(['2026-W48']);
  });

  it('leaves a tally out of a book that is not of its week, and a week list that is not one', async () => {
    const { store } = watched();
    const stray = tallyOf(Q, outcome('autonome'), '2026-11-23');
    await store.setSetting(TALLY_WEEKS_SETTING, ['2026-W10', 'mardi', 3] as unknown as SettingValue);
    await store.setSetting(`${TALLY_SETTING}.2026-W10`, addTally(EMPTY_TALLY_BOOK, stray) as unknown as SettingValue);
    expect((await loadTallies((key) => store.getSetting(key))).tallies).toEqual([]);
  });

  it('keeps the run counted once when a write fails', async () => {
    const { store } = watched();
    const state: TallyState = { resumed: false };
    await countKioskRun(store, finished('decouverte'), state, () => '2026-11-23');
    const failing: SessionStore = { ...store, setSetting: async () => ({ ok: false, code: 'storage.quota' }) };
    await countKioskRun(failing, finished('autonome'), state, () => '2026-11-23');
    await countKioskRun(store, finished('autonome'), state, () => '2026-11-23');
    const { tallies } = await loadTallies((key) => store.getSetting(key));
    expect(tallies.map((t) => [t.profile, t.count])).toEqual([['autonome', 1]]);
  });
});
