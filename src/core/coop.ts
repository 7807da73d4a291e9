import * as v from 'valibot';
import { toCsv, type CsvCell, type CsvSeparator } from './csv.ts';
import { AGE_BRACKETS, type AgeBracket, type ProRecord } from './pro-record.ts';
import type { SessionMode } from './session-record.ts';
import { COOP_AUTONOMIE, COOP_LABELS, COOP_REDIRECTIONS, COOP_THEMATIQUES, COOP_TRANCHES_AGE, COOP_TYPES, COOP_TYPES_LIEU } from './coop-values.ts';
import type { CoopAutonomie, CoopRedirection, CoopThematique, CoopTrancheAge, CoopType, CoopTypeLieu } from './coop-values.ts';

// La Coop de la médiation numérique (https://github.com/inclusion-numerique/coop-mediation-numerique):
// the professional's diagnostics as activities of its compte-rendu d'activité (CRA), one row per
// accompaniment, in the Coop's own names. Two headings of the same columns: the names and values
// of the Coop's public API v1 (`apps/web/src/app/api/v1/activites/route.ts`: `type`, `duree`,
// `thematiques` with `diagnostic_numerique`, `autonomie`, `structure_de_redirection`…), or the
// headings and labels of the table the Coop exports (`buildAccompagnementsWorksheet.ts`: « Type »,
// « Thématique(s) d’accompagnement », « Niveau d’autonomie (ou de l’atelier) » as 2/3…). Every value
// below is the Coop's, file by file in docs/formats.md. How a diagnostic becomes an activity is a
// table (CoopMapping, declared with Valibot), which a structure changes in the app; a questionnaire
// may carry its own profile → autonomy table (its `coop` block).

export * from './coop-values.ts';

// ---- the mapping table, declared once -------------------------------------------------------------

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
/** Where a diagnostic's person was sent on to: the first rule that holds (a flag of the result, its profile, or one of its next steps). */
export const CoopRedirectionRuleSchema = v.union([
  v.strictObject({ flag: id, structure: v.picklist(COOP_REDIRECTIONS) }),
  v.strictObject({ profile: id, structure: v.picklist(COOP_REDIRECTIONS) }),
  v.strictObject({ step: id, structure: v.picklist(COOP_REDIRECTIONS) }),
]);

/** What a questionnaire may say in its `coop` block: its profiles' autonomy, and its redirections. */
export const CoopQuestionnaireSchema = v.strictObject({
  autonomie: v.record(id, v.picklist(COOP_AUTONOMIE)),
  redirection: v.optional(v.array(CoopRedirectionRuleSchema)),
});

/** The whole table, as a structure keeps it (the settings store, one per questionnaire). */
export const CoopMappingSchema = v.strictObject({
  version: v.literal(1),
  /** Profile id → the Coop's autonomy level. A profile left out leaves `autonomie` empty. */
  autonomie: v.record(id, v.picklist(COOP_AUTONOMIE)),
  redirection: v.array(CoopRedirectionRuleSchema),
  /** The activity type by mode: an interview is an individual accompaniment; a workshop-mode diagnostic may be either. */
  type: v.strictObject({ interview: v.picklist(COOP_TYPES), workshop: v.picklist(COOP_TYPES) }),
  typeLieu: v.picklist(COOP_TYPES_LIEU),
  thematiques: v.pipe(v.array(v.picklist(COOP_THEMATIQUES)), v.minLength(1)),
  /** Repères' age brackets → the Coop's. Only a bracket that lies inside one of the Coop's maps onto it by default. */
  tranchesAge: v.strictObject(Object.fromEntries(AGE_BRACKETS.map((b) => [b, v.picklist(COOP_TRANCHES_AGE)])) as Record<AgeBracket, v.PicklistSchema<typeof COOP_TRANCHES_AGE, undefined>>),
  /** A diagnostic that took longer than this (paused, resumed another day) counts `dureeParDefaut` minutes. */
  dureeMax: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(1440)),
  dureeParDefaut: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1440)),
});

export type CoopMapping = v.InferOutput<typeof CoopMappingSchema>;
export type CoopQuestionnaire = v.InferOutput<typeof CoopQuestionnaireSchema>;
export type CoopRedirectionRule = v.InferOutput<typeof CoopRedirectionRuleSchema>;

/** Repères' brackets inside one of the Coop's: 45–59 in 40–59, 75 and more in 70 and more; the others straddle two. */
export const DEFAULT_TRANCHES_AGE: Record<AgeBracket, CoopTrancheAge> = {
  'moins-26': 'non_communique',
  '26-44': 'non_communique',
  '45-59': 'quarante_cinquante_neuf',
  '60-74': 'non_communique',
  '75-plus': 'soixante_dix_plus',
};

/** The table a structure starts from: the questionnaire's own block, and the structure-wide defaults. */
export function defaultCoopMapping(fromQuestionnaire?: CoopQuestionnaire): CoopMapping {
  return {
    version: 1,
    autonomie: { ...(fromQuestionnaire?.autonomie ?? {}) },
    redirection: [...(fromQuestionnaire?.redirection ?? [])],
    type: { interview: 'individuel', workshop: 'individuel' },
    typeLieu: 'lieu_activite',
    thematiques: ['diagnostic_numerique'],
    tranchesAge: { ...DEFAULT_TRANCHES_AGE },
    dureeMax: 180,
    dureeParDefaut: 45,
  };
}

/** A stored table, checked: the default one when it is missing or not sound. */
export function readCoopMapping(stored: unknown, fallback: CoopMapping): CoopMapping {
  const result = v.safeParse(CoopMappingSchema, stored);
  return result.success ? result.output : fallback;
}

// ---- from diagnostics to activities ----------------------------------------------------------

/** What the export reads of a professional record: never its code, label, notes or answers. */
export interface CoopDiagnostic {
  mode: Exclude<SessionMode, 'kiosk'>;
  /** Local calendar date of completion, "YYYY-MM-DD". */
  date: string;
  /** When it was completed (ISO), for the order of the rows only. */
  at: string;
  /** Minutes from start to completion. */
  minutes: number;
  ageBracket?: AgeBracket | undefined;
  outcome: { profile: string; flags: readonly string[]; steps: readonly string[] };
}

/**
 * What the export takes of a professional record: a completed one only (undefined otherwise), its
 * mode, its local date (`localDate` turns the completion time into the device's calendar date), its
 * duration in minutes, its age bracket and its outcome's profile, flags and steps.
 */
export function coopDiagnosticOf(record: Pick<ProRecord, 'session' | 'ageBracket' | 'outcome'>, localDate: (iso: string) => string): CoopDiagnostic | undefined {
  const { session, outcome } = record;
  if (session.status !== 'completed' || !outcome) return undefined;
  const at = session.completedAt ?? session.updatedAt;
  return {
    mode: session.mode,
    date: localDate(at),
    at,
    minutes: (Date.parse(at) - Date.parse(session.startedAt)) / 60_000,
    ageBracket: record.ageBracket,
    outcome: { profile: outcome.profile, flags: outcome.flags, steps: outcome.steps },
  };
}

/** One row: one accompaniment, in the Coop's values. */
export interface CoopActivity {
  date: string;
  type: CoopType;
  /** "1" alone; "2/3" for the second of three participants of one collective activity (as the Coop's export writes it). */
  participants: string;
  type_lieu: CoopTypeLieu;
  duree: number;
  thematiques: CoopThematique[];
  autonomie: CoopAutonomie | null;
  oriente_vers_structure: boolean;
  structure_de_redirection: CoopRedirection | null;
  tranche_age: CoopTrancheAge;
}

/** The duration the Coop records: the real one rounded up to 5 minutes, or the default when the diagnostic was paused too long. */
export function coopDuration(minutes: number, mapping: CoopMapping): number {
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > mapping.dureeMax) return mapping.dureeParDefaut;
  return Math.max(5, Math.ceil(minutes / 5) * 5);
}

function redirectionOf(d: CoopDiagnostic, rules: readonly CoopRedirectionRule[]): CoopRedirection | null {
  for (const rule of rules) {
    if ('flag' in rule && d.outcome.flags.includes(rule.flag)) return rule.structure;
    if ('profile' in rule && d.outcome.profile === rule.profile) return rule.structure;
    if ('step' in rule && d.outcome.steps.includes(rule.step)) return rule.structure;
  }
  return null;
}

/**
 * The diagnostics as the Coop's activities, oldest first. An individual one is one row; the
 * diagnostics of one day that the table makes collective are one activity, a row per participant
 * ("1/3", "2/3", "3/3"), its duration the longest of them, and no autonomy level (the Coop asks a
 * workshop's level instead, which a diagnostic does not give).
 */
export function coopActivities(diagnostics: readonly CoopDiagnostic[], mapping: CoopMapping): CoopActivity[] {
  const sorted = [...diagnostics].sort((a, b) => a.at.localeCompare(b.at));
  const rows: CoopActivity[] = [];
  const collective = new Map<string, CoopDiagnostic[]>();
  const base = (d: CoopDiagnostic) => {
    const structure = redirectionOf(d, mapping.redirection);
    return {
      date: d.date,
      type_lieu: mapping.typeLieu,
      thematiques: [...mapping.thematiques],
      oriente_vers_structure: structure !== null,
      structure_de_redirection: structure,
      tranche_age: d.ageBracket ? mapping.tranchesAge[d.ageBracket] : ('non_communique' as const),
    };
  };
  for (const d of sorted) {
    if (mapping.type[d.mode] === 'collectif') {
      collective.set(d.date, [...(collective.get(d.date) ?? []), d]);
      continue;
    }
    rows.push({ ...base(d), type: 'individuel', participants: '1', duree: coopDuration(d.minutes, mapping), autonomie: mapping.autonomie[d.outcome.profile] ?? null });
  }
  for (const group of collective.values()) {
    const duree = Math.max(...group.map((d) => coopDuration(d.minutes, mapping)));
    group.forEach((d, i) => rows.push({ ...base(d), type: 'collectif', participants: group.length === 1 ? '1' : `${i + 1}/${group.length}`, duree, autonomie: null }));
  }
  // Stable: the same day keeps the order of completion, collective activities after the individual ones.
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

/** The columns, in order: the Coop API's name, and the heading of the Coop's export table. */
export const COOP_COLUMNS = [
  ['date', 'Date'],
  ['type', 'Type'],
  ['participants', 'Participants'],
  ['beneficiaire', 'Bénéficiaire'],
  ['type_lieu', 'Canaux d’accompagnement'],
  ['duree', 'Durée (min)'],
  ['thematiques', 'Thématique(s) d’accompagnement'],
  ['autonomie', 'Niveau d’autonomie (ou de l’atelier)'],
  ['oriente_vers_structure', 'Bénéficiaire réorienté'],
  ['structure_de_redirection', 'Structure de redirection'],
  ['tranche_age', 'Tranche d’âge du bénéficiaire'],
] as const;

export type CoopHeadings = 'api' | 'export';

/** "2026-11-23" as the Coop's table shows a date (dd/mm/yyyy). */
const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

/** One activity's cells, in the values of the API or the labels of the Coop's export. */
function cells(a: CoopActivity, headings: CoopHeadings): CsvCell[] {
  if (headings === 'api') {
    return [
      a.date,
      a.type,
      a.participants,
      'anonyme',
      a.type_lieu,
      a.duree,
      a.thematiques.join(','),
      a.autonomie ?? '',
      a.oriente_vers_structure ? 'true' : 'false',
      a.structure_de_redirection ?? '',
      a.tranche_age,
    ];
  }
  const stars = (level: CoopAutonomie | null) => (level ? `${COOP_AUTONOMIE.indexOf(level) + 1}/${COOP_AUTONOMIE.length}` : '');
  return [
    frenchDate(a.date),
    COOP_LABELS.type[a.type],
    a.participants,
    COOP_LABELS.anonymous,
    COOP_LABELS.typeLieu[a.type_lieu],
    a.duree,
    a.thematiques.map((t) => COOP_LABELS.thematique[t]).join('\n'),
    stars(a.autonomie),
    a.oriente_vers_structure ? COOP_LABELS.yes : COOP_LABELS.no,
    a.structure_de_redirection ? COOP_LABELS.redirection[a.structure_de_redirection] : '',
    COOP_LABELS.trancheAge[a.tranche_age],
  ];
}

/** The activities as CSV: a header row (the API's names, or the export's headings), then one row per accompaniment. */
export function coopCsv(activities: readonly CoopActivity[], headings: CoopHeadings = 'api', separator: CsvSeparator = ';'): string {
  const header = COOP_COLUMNS.map(([api, label]) => (headings === 'api' ? api : label));
  return toCsv([header, ...activities.map((a) => cells(a, headings))], separator);
}
