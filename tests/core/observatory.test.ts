import { describe, expect, it } from 'vitest';
import type { AreaId, AreaLevel, FlagId, Outcome, ProfileId } from '../../src/core/index.ts';
import { aggregate, observationOfRecord, observationsOfTallies, observatoryCsv, weeksOf, type ObservatoryLabels } from '../../src/core/observatory.ts';
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

  it('writes a CSV that says first what it holds', () => {
    const labels: ObservatoryLabels = {
      description: 'Chiffres anonymes',
      headers: ['Rubrique', 'Valeur', 'Nombre'],
      sections: { total: 'Total', profile: 'Profil', area: 'Domaine', flag: 'Repère', mode: 'Mode', week: 'Semaine' },
      profile: (p) => p.toUpperCase(),
      area: (a) => a,
      level: (l) => l,
      flag: (f) => f,
      mode: (m) => m,
    };
    const lines = observatoryCsv(figures, labels).split('\r\n');
    expect(lines.slice(0, 5)).toEqual(['Chiffres anonymes', 'Rubrique;Valeur;Nombre', 'Total;2026-W48 – 2026-W50;6', 'Profil;FAIBLE;3', 'Profil;FORT;3']);
    expect(lines).toContain('Domaine;securite — none;2');
    expect(lines).toContain('Mode;kiosk;4');
    expect(lines).toContain('Semaine;2026-W50;0');
    expect(lines).toHaveLength(2 + 1 + 2 + 8 + 2 + 3 + 3 + 1);
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
