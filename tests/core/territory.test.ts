import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/explore.ts';
import { suppressSmallCells, type ObservedQuestionnaire, type PublishedCount } from '../../src/core/observatory.ts';
import { addTally, removeTally, type KioskTally } from '../../src/core/tally.ts';
import {
  acknowledged,
  nextDoc,
  observatoryTarget,
  PUSH_BATCH,
  readWeekPush,
  tallyDelta,
  tallyDocId,
  weekDone,
  type WeekPush,
} from '../../src/core/territory-push.ts';
import { publishTerritory, readViewRows, suppressGrid, territoryFigures, territoryLongCsv, viewRange, type TerritoryCell } from '../../src/core/territory.ts';

const Q: ObservedQuestionnaire = { id: 'q', profiles: ['decouverte', 'premiers-pas', 'autonome'], areas: ['internet'], flags: ['urgence', 'aide'] };
const tally = (week: string, profile: string, count: number, flags: string[] = []): KioskTally => ({ questionnaireId: 'q', week, profile, areas: { internet: 'acquis' }, flags, count });
const book = (...tallies: KioskTally[]) => tallies.reduce((b, t) => addTally(b, t), { version: 1 as const, tallies: [] as KioskTally[] }).tallies;
let n = 0;
const newId = () => `tally-${String(++n).padStart(24, '0')}`;

describe('what a kiosk sends, and when', () => {
  it('sends the current week only once PUSH_BATCH runs wait, and a week that is over whatever its count', () => {
    expect(PUSH_BATCH).toBe(5);
    const four = book(tally('2026-W48', 'decouverte', 3), tally('2026-W48', 'autonome', 1));
    expect(nextDoc('2026-W48', four, { sent: [] }, '2026-W48', 'CCAS', newId)).toBeUndefined();
    // A week later, the same four runs go.
    const doc = nextDoc('2026-W48', four, { sent: [] }, '2026-W49', 'CCAS', newId);
    expect(doc).toMatchObject({ type: 'reperes-tally', version: 1, structure: 'CCAS', week: '2026-W48' });
    expect(doc?.tallies).toEqual([
      { questionnaireId: 'q', profile: 'decouverte', areas: { internet: 'acquis' }, flags: [], count: 3 },
      { questionnaireId: 'q', profile: 'autonome', areas: { internet: 'acquis' }, flags: [], count: 1 },
    ]);
    // The fifth run of the current week sends the five.
    const five = book(...four, tally('2026-W48', 'autonome', 1));
    expect(nextDoc('2026-W48', five, { sent: [] }, '2026-W48', 'CCAS', newId)?.tallies.map((t) => t.count)).toEqual([3, 2]);
  });

  it('sends only what the week gained since the server acknowledged, signed, and the same document again until it does', () => {
    const first = book(tally('2026-W40', 'decouverte', 5, ['urgence', 'aide']));
    const doc = nextDoc('2026-W40', first, { sent: [] }, '2026-W41', 'CCAS', newId)!;
    // Flags are sent in one order whatever the book's.
    expect(doc.tallies[0]?.flags).toEqual(['aide', 'urgence']);
    const waiting: WeekPush = { sent: [], outbox: doc };
    // More runs came meanwhile: the document on its way goes again as it is (same id), never a second one.
    const more = book(...first, tally('2026-W40', 'autonome', 2));
    expect(nextDoc('2026-W40', more, waiting, '2026-W41', 'CCAS', newId)).toBe(doc);
    const after = acknowledged(waiting, doc);
    expect(after.outbox).toBeUndefined();
    expect(weekDone('2026-W40', more, after, '2026-W41')).toBe(false);
    const second = nextDoc('2026-W40', more, after, '2026-W41', 'CCAS', newId)!;
    expect(second._id).not.toBe(doc._id);
    expect(second.tallies).toEqual([{ questionnaireId: 'q', profile: 'autonome', areas: { internet: 'acquis' }, flags: [], count: 2 }]);
    const done = acknowledged(after, second);
    expect(weekDone('2026-W40', more, done, '2026-W41')).toBe(true);
    expect(nextDoc('2026-W40', more, done, '2026-W41', 'CCAS', newId)).toBeUndefined();
    // A run taken back (it went back from its result and ended otherwise): a negative line and a positive one.
    const changed = removeTally({ version: 1, tallies: more }, tally('2026-W40', 'autonome', 1)).tallies;
    const fixed = book(...changed, tally('2026-W40', 'premiers-pas', 1));
    expect(tallyDelta(fixed, done.sent).map((t) => `${t.profile} ${t.count}`).sort()).toEqual(['autonome -1', 'premiers-pas 1']);
    const third = nextDoc('2026-W40', fixed, done, '2026-W41', 'CCAS', newId)!;
    expect(weekDone('2026-W40', fixed, acknowledged(done, third), '2026-W41')).toBe(true);
    // The week that is still current is never done.
    expect(weekDone('2026-W41', [], { sent: [] }, '2026-W41')).toBe(false);
  });

  it('reads a stored state, and what it cannot read counts as nothing sent', () => {
    expect(readWeekPush(undefined)).toEqual({ sent: [] });
    expect(readWeekPush({ sent: [tally('2026-W01', 'autonome', 2), { week: 3 }], outbox: 'x' })).toEqual({ sent: [tally('2026-W01', 'autonome', 2)] });
  });

  it('draws ids from random bytes only', () => {
    const id = tallyDocId(new Uint8Array(24).fill(37));
    expect(id).toBe(`tally-${'b'.repeat(24)}`);
    expect(tallyDocId(crypto.getRandomValues(new Uint8Array(24)))).toMatch(/^tally-[a-z0-9]{24}$/);
  });

  it('takes the target from settings.json: https, no name or password, the id or else the structure', () => {
    expect(observatoryTarget({ observatoryUrl: 'https://obs.example.org/depot/territoire/', structure: 'CCAS de Montreuil' })).toEqual({ url: 'https://obs.example.org/depot/territoire', structure: 'CCAS de Montreuil' });
    expect(observatoryTarget({ observatoryUrl: 'https://obs.example.org/depot/territoire', observatoryId: 'ccas-93048', structure: 'CCAS' })?.structure).toBe('ccas-93048');
    expect(observatoryTarget({ observatoryUrl: 'http://localhost:5985/depot/t', structure: 'A' })?.url).toBe('http://localhost:5985/depot/t');
    for (const bad of [
      { observatoryUrl: 'http://obs.example.org/depot', structure: 'A' },
      { observatoryUrl: 'https://kiosque:secret@obs.example.org/depot', structure: 'A' },
      { observatoryUrl: 'https://obs.example.org/depot?x=1', structure: 'A' },
      { observatoryUrl: 'https://obs.example.org/depot' },
      { structure: 'A' },
      null,
    ]) {
      expect(observatoryTarget(bad)).toBeUndefined();
    }
  });
});

describe("reading the territory database's view", () => {
  const row = (week: string, structure: string, profile: string, value: number, flags: string[] = []) => ({ key: [week, structure, 'q', profile, [['internet', 'acquis']], flags], value });

  it('reads rows, leaves out what is not a tally and what the sums left at zero', () => {
    const read = readViewRows({ rows: [row('2026-W48', 'A', 'autonome', 6), row('2026-W48', 'A', 'decouverte', 0), { key: ['2026-W48', 'A'], value: 2 }, row('W48', 'A', 'autonome', 1), row('2026-W48', 'A', 'Autonome!', 1)] });
    expect(read?.ignored).toBe(3);
    expect(read?.cells).toEqual([{ structure: 'A', week: '2026-W48', questionnaireId: 'q', profile: 'autonome', areas: { internet: 'acquis' }, flags: [], count: 6 }]);
    for (const garbage of [null, '<html>', { rows: 'x' }, { error: 'not_found' }]) expect(readViewRows(garbage)).toBeUndefined();
    expect(viewRange({ from: '2026-W40', to: '2026-W48' })).toEqual({ startkey: '["2026-W40"]', endkey: '["2026-W48",{}]' });
  });
});

/** Why a published grid is not safe: a line with one suppressed entry alone, or a count from 1 to 4 shown. */
function unsafe(cells: PublishedCount[][], columnTotals: PublishedCount[], rowTotals: PublishedCount[], total: PublishedCount, partitions: boolean): string[] {
  const lines: PublishedCount[][] = columnTotals.map((c, j) => [...cells.map((row) => row[j]!), c]);
  if (partitions) {
    cells.forEach((row, i) => lines.push([...row, rowTotals[i]!]));
    lines.push([...columnTotals, total]);
  }
  const problems = lines.filter((line) => line.filter((c) => c === 'suppressed').length === 1).map((line) => `lone: ${JSON.stringify(line)}`);
  for (const c of [...cells.flat(), ...columnTotals]) if (typeof c === 'number' && c > 0 && c < 5) problems.push(`small: ${c}`);
  return problems;
}
const expectSafe = (...args: Parameters<typeof unsafe>) => expect(unsafe(...args)).toEqual([]);

describe('small cells across structures', () => {
  it('suppresses a second cell in the column when a structure’s lone small cell could be found from the territory’s count', () => {
    // Profile « premiers pas »: A 8, B 3 → territory 11. Shown 11 and 8 would give B's 3.
    const grid = { cells: [[10, 8, 0], [6, 3, 0]], columnTotals: [16, 11, 0] };
    const rowTotals = [18, 9];
    const published = suppressGrid(grid, { rowTotals, rowCounts: rowTotals, total: 27, rowsArePartitions: true });
    expect(published.cells[1]![1]).toBe('suppressed');
    expect(published.cells[0]![1]).toBe('suppressed');
    // …and then in the rows, the structures' totals being shown.
    expect(published.cells.map((row) => row.filter((c) => c === 'suppressed').length)).toEqual([2, 2]);
    expectSafe(published.cells, published.columnTotals, rowTotals, 27, true);
  });

  it('hides every count of a structure with 1 to 4 diagnostics, zeros included, and everything when the territory has', () => {
    const published = suppressGrid({ cells: [[9, 6], [3, 0]], columnTotals: [12, 6] }, { rowTotals: [15, 'suppressed'], rowCounts: [15, 3], total: 18, rowsArePartitions: true });
    expect(published.cells[1]).toEqual(['suppressed', 'suppressed']);
    expectSafe(published.cells, published.columnTotals, [15, 'suppressed'], 18, true);
    const tiny = suppressGrid({ cells: [[2, 0], [1, 0]], columnTotals: [3, 0] }, { rowTotals: ['suppressed', 'suppressed'], rowCounts: [2, 1], total: 'suppressed', rowsArePartitions: true });
    expect([...tiny.cells.flat(), ...tiny.columnTotals].every((c) => c === 'suppressed')).toBe(true);
  });

  it('treats overlapping categories (flags) by column only', () => {
    const published = suppressGrid({ cells: [[7, 6], [3, 8]], columnTotals: [10, 14] }, { rowTotals: [9, 9], rowCounts: [9, 9], total: 18, rowsArePartitions: false });
    expect(published.cells).toEqual([['suppressed', 6], ['suppressed', 8]]);
    expect(published.columnTotals).toEqual([10, 14]);
  });

  it('leaves no lone suppressed entry in any line of 500 random grids', () => {
    const random = seededRandom(16);
    const problems: string[] = [];
    for (let run = 0; run < 500; run++) {
      const rows = 1 + Math.floor(random() * 4);
      const columns = 1 + Math.floor(random() * 5);
      const cells = Array.from({ length: rows }, () => Array.from({ length: columns }, () => (random() < 0.3 ? 0 : Math.floor(random() * 12))));
      const rowCounts = cells.map((row) => row.reduce((s, x) => s + x, 0));
      const columnTotals = Array.from({ length: columns }, (_, j) => cells.reduce((s, row) => s + row[j]!, 0));
      const total = rowCounts.reduce((s, x) => s + x, 0);
      const publishedTotal: PublishedCount = total > 0 && total < 5 ? 'suppressed' : total;
      // As publishTerritory does: the structures' totals published once, with the territory's.
      const rowTotals: PublishedCount[] = publishedTotal === 'suppressed' ? rowCounts.map(() => 'suppressed' as const) : suppressSmallCells(rowCounts, { partsOfShownTotal: true });
      const partitions = random() < 0.7;
      const published = suppressGrid({ cells, columnTotals }, { rowTotals, rowCounts, total: publishedTotal, rowsArePartitions: partitions });
      problems.push(...unsafe(published.cells, published.columnTotals, rowTotals, publishedTotal, partitions).map((p) => `${JSON.stringify(cells)}: ${p}`));
      // What is shown is the true count.
      published.cells.flat().forEach((c, k) => c !== 'suppressed' && c !== cells.flat()[k] && problems.push(`${JSON.stringify(cells)}: ${c} shown for ${cells.flat()[k]}`));
    }
    expect(problems).toEqual([]);
  });
});

describe('the territory report', () => {
  const cell = (structure: string, week: string, profile: string, count: number, flags: string[] = [], internet: 'acquis' | 'en-cours' | null = 'acquis'): TerritoryCell => ({
    structure,
    week,
    questionnaireId: 'q',
    profile,
    areas: { internet },
    flags,
    count,
  });
  const cells = [
    cell('EPN Bobigny', '2026-W47', 'decouverte', 6, ['aide']),
    cell('EPN Bobigny', '2026-W48', 'autonome', 3),
    cell('CCAS Montreuil', '2026-W48', 'decouverte', 7, ['urgence'], 'en-cours'),
    cell('CCAS Montreuil', '2026-W48', 'premiers-pas', 5),
    cell('Médiathèque Pantin', '2026-W48', 'autonome', 2),
    cell('Autre questionnaire', '2026-W48', 'autonome', 9),
    cell('Trop tôt', '2026-W30', 'autonome', 9),
  ];
  cells[5] = { ...cells[5]!, questionnaireId: 'other' };
  const figures = territoryFigures(cells, Q, { from: '2026-W47', to: '2026-W48' });

  it('sums the structures of the questionnaire within the period, each structure apart', () => {
    expect(figures.structures).toEqual(['CCAS Montreuil', 'EPN Bobigny', 'Médiathèque Pantin']);
    expect(figures.all.total).toBe(23);
    expect(figures.all.byProfile).toEqual([
      ['decouverte', 13],
      ['premiers-pas', 5],
      ['autonome', 5],
    ]);
    expect(figures.byStructure.map((f) => f.total)).toEqual([12, 9, 2]);
  });

  it('publishes the territory and each structure with no count from 1 to 4 and no lone suppressed cell in a line', () => {
    const published = publishTerritory(figures);
    expect(published.unit).toBe('week');
    // Structures' totals 12, 9, 2 → 2 suppressed, and 9 with it (the territory's 23 is shown).
    expect(published.byStructure).toEqual([
      ['CCAS Montreuil', 12],
      ['EPN Bobigny', 'suppressed'],
      ['Médiathèque Pantin', 'suppressed'],
    ]);
    expect(published.territory.total).toBe(23);
    expect(published.scopes[2]?.tooFew).toBe(true);
    expect(published.scopes[2]?.byProfile.every(([, c]) => c === 'suppressed')).toBe(true);
    // Profiles: decouverte 7 / 6 / 0 = 13; premiers-pas 5 / 0 / 0 = 5; autonome 0 / 3 / 2 = 5.
    const profileRows = published.scopes.map((s) => s.byProfile.map(([, c]) => c));
    expectSafe(profileRows, published.territory.byProfile.map(([, c]) => c), published.byStructure.map(([, c]) => c), 23, true);
    for (const [a, [, territory]] of published.territory.byAreaLevel.entries()) {
      expectSafe(published.scopes.map((s) => s.byAreaLevel[a]![1].map(([, c]) => c)), territory.map(([, c]) => c), published.byStructure.map(([, c]) => c), 23, true);
    }
    expectSafe(published.scopes.map((s) => s.byFlag.map(([, c]) => c)), published.territory.byFlag.map(([, c]) => c), [], 23, false);
    expectSafe(published.scopes.map((s) => s.series.map(([, c]) => c)), published.territory.series.map(([, c]) => c), published.byStructure.map(([, c]) => c), 23, true);
  });

  it('counts a long period by month', () => {
    const published = publishTerritory(territoryFigures(cells, Q, { from: '2026-W30', to: '2026-W48' }));
    expect(published.unit).toBe('month');
    expect(published.territory.series.map(([month]) => month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it('exports the long CSV: the territory then each structure, a suppressed count empty with a note', () => {
    const published = publishTerritory(territoryFigures(cells.slice(0, 4), Q, { from: '2026-W48', to: '2026-W48' }));
    const csv = territoryLongCsv(published, {
      headers: ['Début', 'Fin', 'Questionnaire', 'Structure', 'Indicateur', 'Catégorie', 'Valeur', 'Effectif', 'Note'],
      indicators: { total: 'Total', profile: 'Profil', area: 'Domaine', flag: 'Situation', week: 'Semaine', month: 'Mois' },
      territory: 'Tout le territoire',
      suppressed: 'masqué',
      questionnaire: 'Q',
      profile: (p) => `P:${p}`,
      area: (a) => `A:${a}`,
      level: (l) => `L:${l}`,
      flag: (f) => `F:${f}`,
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Début;Fin;Questionnaire;Structure;Indicateur;Catégorie;Valeur;Effectif;Note');
    // W48 only: CCAS 12 (decouverte 7, premiers-pas 5), EPN 3 (autonome) → territory 15. EPN's 3 is
    // suppressed, and CCAS's 12 with it; the territory's autonome 3 too, and its premiers-pas 5 with it.
    expect(lines.slice(1, 5)).toEqual([
      '2026-11-23;2026-11-29;Q;Tout le territoire;Total;;;15;',
      '2026-11-23;2026-11-29;Q;Tout le territoire;Profil;P:decouverte;;7;',
      '2026-11-23;2026-11-29;Q;Tout le territoire;Profil;P:premiers-pas;;;masqué',
      '2026-11-23;2026-11-29;Q;Tout le territoire;Profil;P:autonome;;;masqué',
    ]);
    expect(lines).toContain('2026-11-23;2026-11-29;Q;CCAS Montreuil;Total;;;;masqué');
    expect(lines).toContain('2026-11-23;2026-11-29;Q;EPN Bobigny;Semaine;2026-11-23;2026-W48;;masqué');
    // 1 header + 3 scopes (territory, CCAS, EPN) × (total 1 + profiles 3 + areas 4 + flags 2 + weeks 1), and the last CRLF.
    expect(lines).toHaveLength(1 + 3 * 11 + 1);
    expect(lines.at(-1)).toBe('');
    expect(csv).not.toMatch(/;[1-4];/);
  });
});
