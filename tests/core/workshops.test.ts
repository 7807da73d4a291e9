import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/questionnaire-files.ts';
import { csvCell, toCsv } from '../../src/core/csv.ts';
import type { AreaId, AreaLevel, Outcome, ProfileId, StepId } from '../../src/core/index.ts';
import {
  assign,
  assignedCounts,
  catalogueJson,
  MAX_CATALOGUE_BYTES,
  MAX_WORKSHOPS,
  readCatalogue,
  rosterCsv,
  suggestWorkshops,
  unassign,
  weakAreas,
  workshopId,
  type Catalogue,
  type RosterLabels,
} from '../../src/core/workshops.ts';
import { loadAutonomie } from './autonomie.ts';

const AREAS = ['acces', 'prise-en-main', 'internet', 'communication', 'demarches', 'securite'];
const exampleText = readFileSync(join(ROOT, 'docs', 'workshops.example.json'), 'utf8');
const read = (value: unknown) => readCatalogue(typeof value === 'string' ? value : JSON.stringify(value), { areas: AREAS });
const problems = (value: unknown) => {
  const r = read(value);
  return r.ok ? [] : r.problems.map(({ code, path, params }) => ({ code, path, params }));
};
const example = (): Catalogue => {
  const r = read(exampleText);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.catalogue;
};

const workshop = { id: 'w', title: 'Atelier', areas: ['internet'], level: 'debutant', durationMinutes: 60, place: 'Salle 1', schedule: 'Lundi 10 h', capacity: 2 };

function outcome(levels: Partial<Record<string, AreaLevel | null>>, extra: Partial<Outcome> = {}): Outcome {
  const score = { 'a-travailler': 20, 'en-cours': 55, acquis: 90 } as const;
  return {
    profile: 'premiers-pas' as ProfileId,
    areas: AREAS.map((area) => {
      const level = levels[area] ?? null;
      return { area: area as AreaId, level, score: level ? score[level] : null, points: 0, max: 0 };
    }),
    global: null,
    flags: [],
    steps: [],
    gaps: [],
    ...extra,
  };
}

describe('the workshop catalogue file', () => {
  it('reads the shipped example, and writes it back unchanged', () => {
    const catalogue = example();
    expect(catalogue.workshops.map((w) => w.id)).toEqual(['premiers-gestes', 'courriel-debutant', 'demarches-franceconnect', 'securite', 'aller-plus-loin']);
    const again = read(catalogueJson(catalogue));
    expect(again.ok && again.catalogue).toEqual(catalogue);
  });

  it('reports every problem at once, with its JSON path', () => {
    expect(
      problems({
        workshops: [
          { ...workshop, level: 'debutante', areas: ['internett'], capacity: 0, colour: 'red' },
          { ...workshop, title: '', durationMinutes: '60' },
          { id: 'w', title: 'Doublon', areas: [], level: 'avance', durationMinutes: 30, capacity: 3 },
          'atelier',
        ],
      })
        .map(({ code, path }) => ({ code, path }))
        .sort((a, b) => a.path.localeCompare(b.path)),
    ).toEqual([
      { code: 'key.unknown', path: '$.workshops[0].colour' },
      { code: 'reference.area', path: '$.workshops[0].areas[0]' },
      { code: 'reference.level', path: '$.workshops[0].level' },
      { code: 'number.range', path: '$.workshops[0].capacity' },
      { code: 'type.string', path: '$.workshops[1].title' },
      { code: 'type.number', path: '$.workshops[1].durationMinutes' },
      { code: 'array.empty', path: '$.workshops[2].areas' },
      { code: 'type.object', path: '$.workshops[3]' },
    ].sort((a, b) => a.path.localeCompare(b.path)));
  });

  it('suggests the likely fix for a misspelt level or area', () => {
    const found = problems({ workshops: [{ ...workshop, level: 'debutante', areas: ['internett'] }] });
    expect(found.find((p) => p.code === 'reference.level')?.params).toMatchObject({ id: 'debutante', suggestion: 'debutant' });
    expect(found.find((p) => p.code === 'reference.area')?.params).toMatchObject({ id: 'internett', suggestion: 'internet' });
  });

  it('names a duplicate id, a missing list, a syntax error', () => {
    expect(problems({ workshops: [workshop, workshop] }).map((p) => p.code + ' ' + p.path)).toEqual(['id.duplicate $.workshops[1].id']);
    expect(problems({}).map((p) => p.code)).toEqual(['key.required']);
    expect(problems([]).map((p) => p.code)).toEqual(['type.object']);
    const broken = read('{ "workshops": [\n  { "id": "a", }\n] }');
    expect(broken.ok ? [] : broken.problems).toEqual([expect.objectContaining({ code: 'json.parse', file: 'ateliers.json', params: expect.objectContaining({ line: 2 }) })]);
  });

  it('refuses a file far bigger than a catalogue, before reading it, and a list longer than a year of workshops', () => {
    const big = JSON.stringify({ workshops: Array.from({ length: 6000 }, (_, i) => ({ ...workshop, id: `w${i}`, place: 'x'.repeat(300) })) });
    expect(big.length).toBeGreaterThan(MAX_CATALOGUE_BYTES);
    const found = read(big);
    expect(found.ok ? [] : found.problems).toEqual([expect.objectContaining({ code: 'file.too-large', path: '$', params: { size: '3 Mo', max: '1 Mo' } })]);
    const many = problems({ workshops: Array.from({ length: MAX_WORKSHOPS + 1 }, (_, i) => ({ ...workshop, id: `w${i}` })) });
    expect(many).toEqual([{ code: 'array.too-long', path: '$.workshops', params: expect.objectContaining({ count: 501, max: 500 }) }]);
  });

  it('makes an id from the title when none is given, unique in the catalogue', () => {
    const { id: _id, ...noId } = workshop;
    const r = read({ workshops: [{ ...noId, title: 'Écrire un courriel' }] });
    expect(r.ok && r.catalogue.workshops[0]?.id).toBe('ecrire-un-courriel');
    expect(workshopId('Sécurité', example())).toBe('securite-2');
  });
});

describe('suggestWorkshops', () => {
  const { questionnaire } = loadAutonomie();

  it('suggests workshops on the areas to work on, at the level they call for, weakest first', () => {
    const result = outcome({ 'prise-en-main': 'a-travailler', communication: 'a-travailler', internet: 'en-cours', demarches: 'en-cours', securite: 'acquis', acces: 'acquis' });
    const ids = suggestWorkshops(result, questionnaire, example()).map((s) => s.workshop.id);
    expect(ids).toEqual(['demarches-franceconnect', 'courriel-debutant', 'premiers-gestes']);
    // The advanced workshop is two levels above an area to work on from the start: not suggested.
    expect(ids).not.toContain('aller-plus-loin');
  });

  it('gives weight to the workshops the questionnaire recommends for this result', () => {
    const result = outcome({ 'prise-en-main': 'a-travailler', communication: 'a-travailler' }, { steps: ['atelier-courriel' as StepId] });
    expect(suggestWorkshops(result, questionnaire, example()).map((s) => s.workshop.id)).toEqual(['courriel-debutant', 'premiers-gestes']);
  });

  it('puts full workshops last and says so', () => {
    const result = outcome({ 'prise-en-main': 'a-travailler', communication: 'a-travailler' }, { steps: ['atelier-courriel' as StepId] });
    const suggestions = suggestWorkshops(result, questionnaire, example(), new Map([['courriel-debutant', 8]]));
    expect(suggestions.map((s) => [s.workshop.id, s.full, s.placesLeft])).toEqual([
      ['premiers-gestes', false, 6],
      ['courriel-debutant', true, 0],
    ]);
  });

  it('offers the advanced workshops when every area is acquired, nothing when nothing fits', () => {
    const all = outcome(Object.fromEntries(AREAS.map((a) => [a, 'acquis'])));
    expect(suggestWorkshops(all, questionnaire, example()).map((s) => s.workshop.id)).toEqual(['aller-plus-loin']);
    expect(suggestWorkshops(outcome({ acces: 'a-travailler' }), questionnaire, example())).toEqual([]);
  });

  it('lists the weak areas weakest first', () => {
    expect(weakAreas(outcome({ internet: 'en-cours', communication: 'a-travailler', securite: 'acquis' }))).toEqual(['communication', 'internet']);
  });
});

describe('the roster', () => {
  it('places learners within capacity, moves and removes them', () => {
    const catalogue = { workshops: [{ ...workshop, areas: ['internet' as AreaId], level: 'debutant' as const }] };
    let roster = { assignments: {} };
    for (const code of ['A1', 'A2']) {
      const r = assign(roster, code, 'w', catalogue);
      expect(r.ok).toBe(true);
      if (r.ok) roster = r.roster;
    }
    expect(assign(roster, 'A3', 'w', catalogue)).toEqual({ ok: false, reason: 'full' });
    expect(assign(roster, 'A1', 'w', catalogue)).toEqual({ ok: true, roster });
    expect(assign(roster, 'A3', 'nope', catalogue)).toEqual({ ok: false, reason: 'unknown-workshop' });
    roster = unassign(roster, 'A1');
    expect(assignedCounts(roster).get('w')).toBe(1);
    expect(assign(roster, 'A3', 'w', catalogue).ok).toBe(true);
  });
});

describe('CSV', () => {
  it('quotes as RFC 4180 says and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b;c', 'd"e', 'f\ng', 3]])).toBe('a;"b;c";"d""e";"f\ng";3\r\n');
    expect(toCsv([['a,b', 'c;d']], ',')).toBe('"a,b",c;d\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+33 1', '-2', '@SUM(A1)', '\tx'].map((c) => csvCell(c))).toEqual(["'=1+1", "'+33 1", "'-2", "'@SUM(A1)", "'\tx"]);
    expect(csvCell('=HYPERLINK("x";"y")')).toBe('"\'=HYPERLINK(""x"";""y"")"');
    expect(csvCell(-2)).toBe('-2');
  });

  it('writes the roster: header, one learner a line in code order, workshop cells empty when not placed', () => {
    const catalogue = example();
    const labels: RosterLabels = {
      headers: ['Code', 'Date', 'Profil', 'À travailler', 'Atelier', 'Niveau', 'Horaires', 'Lieu'],
      profile: (id) => `P:${id}`,
      area: (id) => `A:${id}`,
      level: (l) => `L:${l}`,
    };
    const learners = [
      { code: 'G-10', profile: 'decouverte' as ProfileId, weakAreas: ['prise-en-main', 'internet'] as AreaId[], date: '2026-11-23' },
      { code: '=cmd', profile: 'autonome' as ProfileId, weakAreas: [], date: '2026-11-22' },
      { code: 'G-9', profile: 'premiers-pas' as ProfileId, weakAreas: ['communication'] as AreaId[], date: '2026-11-23' },
    ];
    const csv = rosterCsv(learners, { assignments: { 'G-10': 'premiers-gestes' } }, catalogue, labels);
    expect(csv.split('\r\n')).toEqual([
      'Code;Date;Profil;À travailler;Atelier;Niveau;Horaires;Lieu',
      "'=cmd;2026-11-22;P:autonome;;;;;",
      'G-9;2026-11-23;P:premiers-pas;A:communication;;;;',
      'G-10;2026-11-23;P:decouverte;A:prise-en-main, A:internet;Premiers gestes sur tablette et ordinateur;L:debutant;Mardis 14 h – 15 h 30;Salle 1, EPN des Tilleuls',
      '',
    ]);
  });
});
