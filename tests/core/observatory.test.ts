import { describe, expect, it } from 'vitest';
import type { AreaId, AreaLevel, FlagId, Outcome, ProfileId } from '../../src/core/index.ts';
import type { DsiOverall } from '../../src/core/dsi.ts';
import { aggregate, countByQuestionnaire, monthOfWeek, observationOfRecord, observationsOfTallies, observatoryLongCsv, publish, weeksOf, type LongCsvLabels } from '../../src/core/observatory.ts';
import { addTally, EMPTY_TALLY_BOOK, isoWeek, readTallyBook, removeTally, tallyOf, weekMonday, weekSunday } from '../../src/core/tally.ts';

const questionnaire = { id: 'q', profiles: ['faible', 'fort'], areas: ['internet', 'securite'], flags: ['urgence', 'langue'] };
function outcome(profile: string, levels: [AreaLevel | null, AreaLevel | null], flags: string[] = []): Outcome {
  return {
    profile: profile as ProfileId,
    areas: (['internet', 'securite'] as const).map((area, i) => ({ area: area as AreaId, level: levels[i] ?? null, score: null, points: 0, max: 0 })),
    global: null,
    flags: flags as FlagId[],
    steps: [],
    gaps: [],
  };
}

/** The long CSV's words, as plain as the ids: each test changes the one it looks at. */
const LABELS: LongCsvLabels = {
  headers: ['Début', 'Fin', 'Questionnaire', 'Indicateur', 'Catégorie', 'Valeur', 'Effectif', 'Note'],
  indicators: { total: 'Total', profile: 'Profil', area: 'Domaine', flag: 'Situation', mode: 'Mode', week: 'Semaine', dsi: 'Niveau DSI' },
  suppressed: 'masqué',
  questionnaire: 'Q',
  profile: (p) => p,
  area: (a) => a,
  level: (l) => l,
  flag: (f) => f,
  mode: (m) => m,
  dsi: (l) => l,
};

describe('ISO weeks', () => {
  it('start on Monday, and the first week of a year holds its first Thursday', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48'); // a Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // the Sunday after
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: still the last week of 2026
    expect(isoWeek('2025-12-29')).toBe('2026-W01'); // a Monday: already the first week of 2026
    expect(weekMonday('2026-W01')).toBe('2025-12-29');
    expect(weekMonday('2026-W48')).toBe('2026-11-23');
    expect(weekSunday('2026-W53')).toBe('2027-01-03');
  });

  it('list a period across a year end', () => {
    expect(weeksOf({ from: '2026-W52', to: '2027-W02' })).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(weeksOf({ from: '2026-W10', to: '2026-W09' })).toEqual([]);
  });
});

describe('kiosk tallies', () => {
  it('hold the questionnaire, the week, the profile, the area levels and the flags, nothing else', () => {
    const tally = tallyOf('q', outcome('faible', ['a-travailler', null], ['urgence']), '2026-11-25');
    expect(tally).toEqual({ questionnaireId: 'q', week: '2026-W48', profile: 'faible', areas: { internet: 'a-travailler', securite: null }, flags: ['urgence'], count: 1 });
  });

  it('merge identical runs into one count, and can take one back', () => {
    const a = tallyOf('q', outcome('faible', ['a-travailler', null]), '2026-11-23');
    const b = tallyOf('q', outcome('fort', ['acquis', 'acquis']), '2026-11-24');
    let book = addTally(addTally(addTally(EMPTY_TALLY_BOOK, a), b), a);
    expect(book.tallies.map((t) => [t.profile, t.count])).toEqual([['faible', 2], ['fort', 1]]);
    book = removeTally(book, a);
    book = removeTally(book, b);
    expect(book.tallies.map((t) => [t.profile, t.count])).toEqual([['faible', 1]]);
  });

  it('drop a malformed stored entry instead of counting it wrong', () => {
    const good = tallyOf('q', outcome('fort', ['acquis', 'acquis']), '2026-11-24');
    expect(readTallyBook({ version: 1, tallies: [good, { ...good, count: -1 }, { ...good, week: 'mardi' }, null] }).tallies).toEqual([good]);
    expect(readTallyBook('nonsense')).toEqual(EMPTY_TALLY_BOOK);
  });
});

describe('aggregate', () => {
  const book = [
    ['faible', ['a-travailler', null], ['urgence'], '2026-11-29'], // Sunday of W48
    ['faible', ['a-travailler', 'en-cours'], [], '2026-11-30'], // Monday of W49
    ['fort', ['acquis', 'acquis'], ['langue'], '2026-11-30'],
    ['fort', ['acquis', 'acquis'], ['langue'], '2026-12-02'],
    ['fort', ['acquis', 'en-cours'], [], '2026-10-01'], // before the period
  ] as const;
  const tallies = book.reduce((b, [p, l, f, d]) => addTally(b, tallyOf('q', outcome(p, [...l], [...f]), d)), EMPTY_TALLY_BOOK);
  const records = [
    observationOfRecord({ questionnaireId: 'q', mode: 'workshop', date: '2026-12-01', outcome: outcome('faible', ['en-cours', 'a-travailler'], ['urgence']) }),
    observationOfRecord({ questionnaireId: 'q', mode: 'interview', date: '2026-11-23', outcome: outcome('fort', ['acquis', null]) }),
    observationOfRecord({ questionnaireId: 'autre', mode: 'interview', date: '2026-11-23', outcome: outcome('fort', ['acquis', null]) }),
  ];
  const observations = [...observationsOfTallies(tallies), ...records];
  const figures = aggregate(observations, questionnaire, { from: '2026-W48', to: '2026-W50' });

  it('counts by week, a Sunday and the next Monday in two weeks, empty weeks at zero', () => {
    expect(figures.byWeek).toEqual([
      ['2026-W48', 2],
      ['2026-W49', 4],
      ['2026-W50', 0],
    ]);
    expect(figures.total).toBe(6);
  });

  it('counts by profile, area level, flag and mode, in the questionnaire order', () => {
    expect(figures.byProfile).toEqual([
      ['faible', 3],
      ['fort', 3],
    ]);
    expect(figures.byAreaLevel).toEqual([
      ['internet', { 'a-travailler': 2, 'en-cours': 1, acquis: 3, none: 0 }],
      ['securite', { 'a-travailler': 1, 'en-cours': 1, acquis: 2, none: 2 }],
    ]);
    expect(figures.byFlag).toEqual([
      ['urgence', 2],
      ['langue', 2],
    ]);
    expect(figures.byMode).toEqual([
      ['kiosk', 4],
      ['interview', 1],
      ['workshop', 1],
    ]);
  });

  it('keeps to the period and the questionnaire', () => {
    const october = aggregate(observations, questionnaire, { from: '2026-W40', to: '2026-W40' });
    expect(october.total).toBe(1);
    expect(october.byWeek).toEqual([['2026-W40', 1]]);
    expect(aggregate(observations, { ...questionnaire, id: 'autre' }, { from: '2026-W48', to: '2026-W48' }).total).toBe(1);
  });

  it('publishes nothing but "suppressed" when the period has fewer than five diagnostics, zeros included', () => {
    const few = publish(aggregate(observations, questionnaire, { from: '2026-W48', to: '2026-W48' }));
    expect(few.tooFew).toBe(true);
    expect(few.total).toBe('suppressed');
    expect(few.byProfile).toEqual([
      ['faible', 'suppressed'],
      ['fort', 'suppressed'],
    ]);
    expect(few.byMode.every(([, n]) => n === 'suppressed')).toBe(true);
    // Nobody at all is not a small cell: 0 is shown.
    const none = publish(aggregate([], questionnaire, { from: '2026-W48', to: '2026-W48' }));
    expect([none.tooFew, none.total, none.byProfile]).toEqual([false, 0, [['faible', 0], ['fort', 0]]]);
  });

  it('suppresses small cells in every table, with a second cell where the total would give one back', () => {
    const many = [...observations, ...Array.from({ length: 8 }, () => records[1]!)];
    const published = publish(aggregate(many, questionnaire, { from: '2026-W48', to: '2026-W50' }));
    expect(published.total).toBe(14);
    // faible 3, fort 11: 3 is small, and 11 would give it back from 14.
    expect(published.byProfile).toEqual([
      ['faible', 'suppressed'],
      ['fort', 'suppressed'],
    ]);
    // kiosk 4, interview 9, workshop 1: two small cells already.
    expect(published.byMode).toEqual([
      ['kiosk', 'suppressed'],
      ['interview', 9],
      ['workshop', 'suppressed'],
    ]);
    // Flags overlap: only their small cells go.
    expect(published.byFlag).toEqual([
      ['urgence', 'suppressed'],
      ['langue', 'suppressed'],
    ]);
    expect(published.byAreaLevel[0]).toEqual(['internet', [['a-travailler', 'suppressed'], ['en-cours', 'suppressed'], ['acquis', 11], ['none', 0]]]);
    // Weeks 10, 4 and 0: the 4 goes, and the 10 with it (14 - 0 - 10 would give it back); 0 stays.
    expect(published.series).toEqual({ unit: 'week', rows: [['2026-W48', 'suppressed'], ['2026-W49', 'suppressed'], ['2026-W50', 0]] });
  });

  it('shows a period of more than 13 weeks by month, each week in the month of its Thursday', () => {
    expect(monthOfWeek('2026-W01')).toBe('2026-01'); // Monday 29 December 2025, Thursday 1 January
    expect(monthOfWeek('2026-W44')).toBe('2026-10'); // Monday 26 October, Thursday 29 October
    const many = Array.from({ length: 6 }, () => records[1]!);
    const year = publish(aggregate(many, questionnaire, { from: '2026-W01', to: '2026-W52' }));
    expect(year.series.unit).toBe('month');
    expect(year.series.rows).toHaveLength(12);
    expect(year.series.rows.find(([m]) => m === '2026-11')).toEqual(['2026-11', 6]);
    expect(year.byWeek).toHaveLength(52);
  });

  it('writes a long CSV: a header, then one row per period, indicator, category and value, suppressed cells empty with a note', () => {
    const many = [...observations, ...Array.from({ length: 8 }, () => records[1]!)];
    const labels: LongCsvLabels = { ...LABELS, profile: (p) => p.toUpperCase() };
    const lines = observatoryLongCsv(publish(aggregate(many, questionnaire, { from: '2026-W48', to: '2026-W50' })), labels).split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['Début;Fin;Questionnaire;Indicateur;Catégorie;Valeur;Effectif;Note', '2026-11-23;2026-12-13;Q;Total;;;14;', '2026-11-23;2026-12-13;Q;Profil;FAIBLE;;;masqué', '2026-11-23;2026-12-13;Q;Profil;FORT;;;masqué']);
    expect(lines).toContain('2026-11-23;2026-12-13;Q;Domaine;internet;acquis;11;');
    expect(lines).toContain('2026-11-23;2026-12-13;Q;Domaine;securite;a-travailler;;masqué');
    expect(lines).toContain('2026-11-23;2026-12-13;Q;Domaine;securite;none;10;');
    expect(lines).toContain('2026-11-23;2026-12-13;Q;Mode;interview;;9;');
    expect(lines).toContain('2026-11-23;2026-12-13;Q;Semaine;2026-11-23;2026-W48;;masqué');
    expect(lines).toContain('2026-11-23;2026-12-13;Q;Semaine;2026-12-07;2026-W50;0;');
    // Every row has the eight columns; header, total, 2 profiles, 2 × 4 area levels, 2 flags, 3 modes, 3 weeks, and the last line end.
    expect(lines.slice(0, -1).every((l) => l.split(';').length === 8)).toBe(true);
    expect(lines).toHaveLength(1 + 1 + 2 + 8 + 2 + 3 + 3 + 1);
    // No number from 1 to 4 anywhere in the counts column.
    expect(lines.slice(1, -1).map((l) => l.split(';')[6]).filter((c) => /^[1-4]$/.test(c ?? ''))).toEqual([]);
  });

  it('aggregates 10,000 records, every one counted (its speed is in npm run bench)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      observationOfRecord({ questionnaireId: 'q', mode: i % 2 ? 'workshop' : 'interview', date: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`, outcome: outcome(i % 3 ? 'fort' : 'faible', ['acquis', 'en-cours'], ['urgence']) }),
    );
    const f = aggregate(many, questionnaire, { from: '2026-W01', to: '2026-W53' });
    expect(f.total).toBe(10_000);
    expect(Object.fromEntries(f.byMode)).toMatchObject({ interview: 5_000, workshop: 5_000 });
    expect(f.byWeek.reduce((sum, [, n]) => sum + n, 0)).toBe(10_000);
  });
});

describe('the DSI-style level', () => {
  const withDsi = { ...questionnaire, dsi: { activities: [] } };
  const record = (dsi: DsiOverall | undefined, date = '2026-11-24') => observationOfRecord({ questionnaireId: 'q', mode: 'interview', date, outcome: outcome('fort', ['acquis', null]), dsi });
  const kiosk = observationsOfTallies(addTally(EMPTY_TALLY_BOOK, tallyOf('q', outcome('faible', ['a-travailler', null]), '2026-11-25')));
  const observations = [
    ...Array.from({ length: 7 }, () => record('basic')),
    ...Array.from({ length: 5 }, () => record('limited')),
    ...Array.from({ length: 2 }, () => record('above-basic')),
    record('not-assessed', '2026-10-01'), // before the period
    ...kiosk,
  ];

  it('is counted for a questionnaire that declares it, every level listed in order, kiosk tallies as not computed', () => {
    const figures = aggregate(observations, withDsi, { from: '2026-W48', to: '2026-W48' });
    expect(figures.total).toBe(15);
    expect(figures.byDsi).toEqual([
      ['not-assessed', 0],
      ['none', 0],
      ['limited', 5],
      ['narrow', 0],
      ['low', 0],
      ['basic', 7],
      ['above-basic', 2],
      ['not-computed', 1],
    ]);
    expect(aggregate(observations, questionnaire, { from: '2026-W48', to: '2026-W48' }).byDsi).toBeUndefined();
  });

  it('has its small cells suppressed, a second one with them (the table adds up to the total shown), and its rows in the long CSV', () => {
    const published = publish(aggregate(observations, withDsi, { from: '2026-W48', to: '2026-W48' }));
    expect(published.byDsi).toEqual([
      ['not-assessed', 0],
      ['none', 0],
      ['limited', 5],
      ['narrow', 0],
      ['low', 0],
      ['basic', 7],
      ['above-basic', 'suppressed'],
      ['not-computed', 'suppressed'],
    ]);
    const labels: LongCsvLabels = { ...LABELS, dsi: (l) => `niveau ${l}` };
    const lines = observatoryLongCsv(published, labels).split('\r\n');
    expect(lines.filter((l) => l.includes(';Niveau DSI;'))).toEqual([
      '2026-11-23;2026-11-29;Q;Niveau DSI;niveau not-assessed;;0;',
      '2026-11-23;2026-11-29;Q;Niveau DSI;niveau none;;0;',
      '2026-11-23;2026-11-29;Q;Niveau DSI;niveau limited;;5;',
      '2026-11-23;2026-11-29;Q;Niveau DSI;niveau narrow;;0;',
      '2026-11-23;2026-11-29;Q;Niveau DSI;niveau low;;0;',
      '2026-11-23;2026-11-29;Q;Niveau DSI;niveau basic;;7;',
      '2026-11-23;2026-11-29;Q;Niveau DSI;niveau above-basic;;;masqué',
      '2026-11-23;2026-11-29;Q;Niveau DSI;niveau not-computed;;;masqué',
    ]);
  });
});

describe('several questionnaires and versions', () => {
  const period = { from: '2026-W48', to: '2026-W48' };
  const record = (questionnaireId: string, profile: string, flags: string[] = []) => observationOfRecord({ questionnaireId, mode: 'interview', date: '2026-11-24', outcome: outcome(profile, ['acquis', null], flags) });

  it('counts every questionnaire within the period, the given ones first (zero included), then any other met', () => {
    const observations = [record('a', 'fort'), record('b', 'fort'), record('b', 'faible'), record('c', 'fort'), { ...record('a', 'fort'), week: '2026-W40' }];
    expect(countByQuestionnaire(observations, ['b', 'a', 'z'], period)).toEqual([
      ['b', 2],
      ['a', 1],
      ['z', 0],
      ['c', 1],
    ]);
  });

  it('keeps the profiles and flags of an older version, counted after the current ones, when asked', () => {
    const observations = [record('q', 'fort'), record('q', 'ancien-profil', ['ancien-drapeau'])];
    const kept = aggregate(observations, questionnaire, period, { keepUnlisted: true });
    expect(kept.byProfile).toEqual([
      ['faible', 0],
      ['fort', 1],
      ['ancien-profil', 1],
    ]);
    expect(kept.byFlag.at(-1)).toEqual(['ancien-drapeau', 1]);
    expect(kept.total).toBe(2);
    // Without it (the territory's tables line up structure by structure), the current lists only.
    expect(aggregate(observations, questionnaire, period).byProfile.map(([p]) => p)).toEqual(['faible', 'fort']);
  });
});
