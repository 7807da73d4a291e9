import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COOP_AUTONOMIE,
  COOP_REDIRECTIONS,
  COOP_THEMATIQUES,
  COOP_TRANCHES_AGE,
  COOP_TYPES,
  COOP_TYPES_LIEU,
  coopActivities,
  coopCsv,
  coopDiagnosticOf,
  coopDuration,
  defaultCoopMapping,
  readCoopMapping,
  type CoopActivity,
  type CoopDiagnostic,
} from '../../src/core/coop.ts';
import { parseCsv } from '../../src/core/csv.ts';
import { loadAutonomie as autonomie } from './autonomie.ts';

// The Coop export against example files written from the Coop's published fields
// (docs/coop/: its API v1 activity attributes, and its export table's headings and labels): the
// same diagnostics give exactly those CSV files, and the CSV read back gives exactly those activities.

const DOCS = join(import.meta.dirname, '..', '..', 'docs', 'coop');
const example = (name: string) => readFileSync(join(DOCS, name), 'utf8');

/** Five diagnostics: three interviews (one paused for hours), and two workshop-mode ones the same day. */
const diagnostics: CoopDiagnostic[] = [
  { mode: 'interview', date: '2026-11-23', at: '2026-11-23T09:05:00Z', minutes: 23, ageBracket: '45-59', outcome: { profile: 'decouverte', flags: ['souhait-apprendre'], steps: ['epn-proche'] } },
  { mode: 'interview', date: '2026-11-23', at: '2026-11-23T13:30:00Z', minutes: 41, outcome: { profile: 'faire-pour', flags: ['aide-entourage'], steps: ['aidants-connect'] } },
  { mode: 'interview', date: '2026-11-24', at: '2026-11-24T15:00:00Z', minutes: 300, ageBracket: '75-plus', outcome: { profile: 'autonome', flags: ['demarche-urgente'], steps: [] } },
  { mode: 'workshop', date: '2026-11-25', at: '2026-11-25T10:00:00Z', minutes: 30, ageBracket: '26-44', outcome: { profile: 'premiers-pas', flags: [], steps: [] } },
  { mode: 'workshop', date: '2026-11-25', at: '2026-11-25T10:20:00Z', minutes: 34, ageBracket: '60-74', outcome: { profile: 'presque-autonome', flags: [], steps: [] } },
];
/** The shipped questionnaire's table, with workshop-mode diagnostics made collective. */
function mapping() {
  const table = defaultCoopMapping(autonomie().questionnaire.coop);
  table.type.workshop = 'collectif';
  return table;
}

/** The API-headed CSV back into activities: the columns are the Coop API's attribute names. */
function readBack(csv: string): CoopActivity[] {
  const read = parseCsv(csv);
  if (!read.ok) throw new Error('not CSV');
  return read.rows.map(({ cells }) => {
    const row = Object.fromEntries(read.header.map((h, i) => [h, cells[i] ?? '']));
    return {
      date: row.date!,
      type: row.type as CoopActivity['type'],
      participants: row.participants!,
      type_lieu: row.type_lieu as CoopActivity['type_lieu'],
      duree: Number(row.duree),
      thematiques: row.thematiques!.split(',') as CoopActivity['thematiques'],
      autonomie: (row.autonomie || null) as CoopActivity['autonomie'],
      oriente_vers_structure: row.oriente_vers_structure === 'true',
      structure_de_redirection: (row.structure_de_redirection || null) as CoopActivity['structure_de_redirection'],
      tranche_age: row.tranche_age as CoopActivity['tranche_age'],
    };
  });
}

/** Activities as the Coop's API v1 attributes: a collective activity is one, its participants counted. */
function asApi(rows: readonly CoopActivity[]) {
  const activities: { rows: CoopActivity[] }[] = [];
  for (const row of rows) {
    const last = activities.at(-1);
    if (row.type === 'collectif' && row.participants !== '1' && !row.participants.startsWith('1/') && last) last.rows.push(row);
    else activities.push({ rows: [row] });
  }
  return activities.map(({ rows: [first, ...others] }) => {
    const all = [first!, ...others];
    const count = <K extends string>(keys: readonly K[], of: (r: CoopActivity) => K) => Object.fromEntries(keys.map((k) => [k, all.filter((r) => of(r) === k).length]));
    return {
      type: 'activite',
      attributes: {
        type: first!.type,
        date: first!.date,
        duree: first!.duree,
        accompagnements: all.length,
        type_lieu: first!.type_lieu,
        autonomie: first!.autonomie,
        oriente_vers_structure: first!.oriente_vers_structure,
        structure_de_redirection: first!.structure_de_redirection,
        thematiques: first!.thematiques,
        niveau_atelier: null,
        beneficiaires: {
          total: all.length,
          genres: { masculin: 0, feminin: 0, non_communique: all.length },
          tranches_age: count(COOP_TRANCHES_AGE, (r) => r.tranche_age),
          statuts: { scolarise: 0, sans_emploi: 0, en_emploi: 0, retraite: 0, non_communique: all.length },
        },
      },
    };
  });
}

describe('the Coop export, against the example files', () => {
  it('writes exactly the example CSV, with the Coop API names and values, and with the headings and labels of its export table', () => {
    const activities = coopActivities(diagnostics, mapping());
    expect(coopCsv(activities, 'api')).toBe(example('activites.example.csv'));
    expect(coopCsv(activities, 'export')).toBe(example('activites-libelles.example.csv'));
  });

  it('round-trips: the CSV read back gives the activities of the example JSON, in the Coop API v1 shape', () => {
    const fixture = JSON.parse(example('activites.example.json')) as { data: unknown[] };
    expect(asApi(readBack(example('activites.example.csv')))).toEqual(fixture.data);
    expect(readBack(coopCsv(coopActivities(diagnostics, mapping()), 'api'))).toEqual(coopActivities(diagnostics, mapping()));
  });

  it('uses only values the Coop knows, in every field of the example', () => {
    const fixture = JSON.parse(example('activites.example.json')) as { data: { attributes: Record<string, unknown> }[] };
    for (const { attributes: a } of fixture.data) {
      expect(COOP_TYPES).toContain(a.type);
      expect(COOP_TYPES_LIEU).toContain(a.type_lieu);
      if (a.autonomie !== null) expect(COOP_AUTONOMIE).toContain(a.autonomie);
      if (a.structure_de_redirection !== null) expect(COOP_REDIRECTIONS).toContain(a.structure_de_redirection);
      for (const t of a.thematiques as string[]) expect(COOP_THEMATIQUES).toContain(t);
      expect(Object.keys((a.beneficiaires as { tranches_age: object }).tranches_age).sort()).toEqual([...COOP_TRANCHES_AGE].sort());
    }
  });
});

describe('the mapping table', () => {
  it('starts from the questionnaire: each of the five profiles on one of the three autonomy levels', () => {
    const table = defaultCoopMapping(autonomie().questionnaire.coop);
    expect(Object.keys(table.autonomie).sort()).toEqual([...autonomie().questionnaire.profiles].sort());
    expect(new Set(Object.values(table.autonomie))).toEqual(new Set(COOP_AUTONOMIE));
    expect(table.thematiques).toEqual(['diagnostic_numerique']);
  });

  it('is data a structure changes: another autonomy, another redirection, and the export follows', () => {
    const table = mapping();
    table.autonomie.decouverte = 'partiellement_autonome';
    table.redirection = [{ step: 'epn-proche', structure: 'mediation_numerique' }];
    const [first] = coopActivities(diagnostics, table);
    expect([first?.autonomie, first?.oriente_vers_structure, first?.structure_de_redirection]).toEqual(['partiellement_autonome', true, 'mediation_numerique']);
  });

  it('reads a stored table back, and falls back to the default one when it is not sound', () => {
    const table = mapping();
    expect(readCoopMapping(JSON.parse(JSON.stringify(table)), defaultCoopMapping())).toEqual(table);
    expect(readCoopMapping({ ...table, typeLieu: 'au-cafe' }, defaultCoopMapping())).toEqual(defaultCoopMapping());
    expect(readCoopMapping(undefined, table)).toBe(table);
  });

  it('rounds a duration up to five minutes, and counts a diagnostic paused for hours at the default duration', () => {
    const table = mapping();
    expect([1, 5, 6, 23, 180, 181, 0, Number.NaN].map((m) => coopDuration(m, table))).toEqual([5, 5, 10, 25, 180, 45, 45, 45]);
  });
});

describe('a professional record as a Coop diagnostic', () => {
  const record = (status: 'completed' | 'in-progress', mode: 'interview' | 'workshop' = 'interview') =>
    ({
      session: { mode, status, startedAt: '2026-11-23T22:40:00.000Z', updatedAt: '2026-11-23T23:05:00.000Z', ...(status === 'completed' ? { completedAt: '2026-11-23T23:03:30.000Z' } : {}) },
      ageBracket: '45-59',
      outcome: status === 'completed' ? { profile: 'decouverte', flags: ['souhait-apprendre'], steps: ['epn-proche'], areas: [], global: null, gaps: [] } : undefined,
    }) as unknown as Parameters<typeof coopDiagnosticOf>[0];
  const paris = (iso: string) => new Date(Date.parse(iso) + 3_600_000).toISOString().slice(0, 10);

  it('takes the mode, the local date of completion, the minutes, the age bracket and the outcome: never a code, a label, a note or an answer', () => {
    const d = coopDiagnosticOf(record('completed'), paris);
    expect(d).toEqual({ mode: 'interview', date: '2026-11-24', at: '2026-11-23T23:03:30.000Z', minutes: 23.5, ageBracket: '45-59', outcome: { profile: 'decouverte', flags: ['souhait-apprendre'], steps: ['epn-proche'] } });
    expect(coopActivities([d!], mapping())[0]).toMatchObject({ date: '2026-11-24', duree: 25, autonomie: 'entierement_accompagne', tranche_age: 'quarante_cinquante_neuf' });
  });

  it('leaves out a diagnostic not finished', () => {
    expect(coopDiagnosticOf(record('in-progress'), paris)).toBeUndefined();
  });
});
