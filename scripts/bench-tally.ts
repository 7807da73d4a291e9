// npm run bench (part): the time the kiosk takes to count one finished run for the observatory,
// with many tallies already kept, through the real IndexedDB store (fake-indexeddb in Node).
// Before the weekly books (one book for every week, read and written whole at each count): median
// 1,096 ms at 50,000 tallies in this same script (97 ms at 5,000); the issue measured 3.4 s in Chromium.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { TALLY_SETTING, TALLY_WEEKS_SETTING, tallyWeekSetting, type KioskTally, type TallyBook } from '../src/core/tally.ts';
import { openStorage, type SessionStore, type SettingValue } from '../src/storage/index.ts';
import { countKioskRun } from '../src/ui/kiosk-tally.ts';

const LEVELS = ['a-travailler', 'en-cours', 'acquis', null] as const;
const AREAS = ['acces', 'prise-en-main', 'internet', 'communication', 'demarches', 'securite'];
const PROFILES = ['faire-pour', 'decouverte', 'premiers-pas', 'presque-autonome', 'autonome'];

/** `n` distinct tallies spread evenly over `weeks` ISO weeks of 2025–2026. */
function tallies(n: number, weeks: string[]): KioskTally[] {
  return Array.from({ length: n }, (_, i) => ({
    questionnaireId: 'autonomie-numerique',
    week: weeks[i % weeks.length]!,
    profile: PROFILES[i % 5]!,
    areas: Object.fromEntries(AREAS.map((a, k) => [a, LEVELS[Math.floor(i / 4 ** k) % 4]!])),
    flags: i % 3 ? [] : ['souhait-apprendre'],
    count: 1 + (i % 7),
  }));
}
const weeksOf = (n: number) => Array.from({ length: n }, (_, i) => `${2025 + Math.floor(i / 52)}-W${String(1 + (i % 52)).padStart(2, '0')}`);

async function seedWeekly(store: SessionStore, kept: KioskTally[]): Promise<void> {
  const byWeek = new Map<string, KioskTally[]>();
  for (const t of kept) byWeek.set(t.week, [...(byWeek.get(t.week) ?? []), t]);
  for (const [week, list] of byWeek) await store.setSetting(tallyWeekSetting(week), { version: 1, tallies: list } satisfies TallyBook as unknown as SettingValue);
  await store.setSetting(TALLY_WEEKS_SETTING, [...byWeek.keys()].sort());
}

const session = {
  questionnaireId: 'autonomie-numerique',
  answers: {},
  path: [],
  language: 'fr',
  outcome: { profile: 'autonome', areas: [{ area: 'internet', level: 'acquis', score: 90, points: 9, max: 10 }], global: 90, flags: [], steps: [], gaps: [] },
} as never;

const cases: [string, (store: SessionStore) => Promise<void>][] = [
  ['nothing kept yet', async () => {}],
  ['50,000 tallies over 100 weeks', (s) => seedWeekly(s, tallies(50_000, weeksOf(100)))],
  ['5,000 tallies in the week of the run (more runs than a kiosk makes in a week)', (s) => seedWeekly(s, tallies(5_000, ['2026-W48']))],
  ['50,000 tallies in the single book of an earlier version (read, never written)', (s) => s.setSetting(TALLY_SETTING, { version: 1, tallies: tallies(50_000, weeksOf(100)) } as unknown as SettingValue).then(() => undefined)],
];

console.log('Kiosk tally: one finished kiosk run counted (IndexedDB store over fake-indexeddb, 9 counts each):');
for (const [label, seed] of cases) {
  const { store } = await openStorage({ indexedDB: new IDBFactory(), name: 'bench-tally' });
  await seed(store);
  const samples: number[] = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    await countKioskRun(store, session, { resumed: false }, () => '2026-11-23');
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(`  ${label}: median ${samples[4]!.toFixed(1)} ms, max ${samples[8]!.toFixed(1)} ms`);
  store.close();
}
