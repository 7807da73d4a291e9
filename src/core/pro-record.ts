import { readRecord, type SessionMode, type SessionRecord } from './session-record.ts';
import type { AreaId, Outcome, ProfileId, QuestionId } from './types.ts';

// A professional record: a diagnostic made in interview mode (a social worker, the person beside
// them) or workshop mode (an EPN animator placing a learner). It is the session record plus what
// the professional adds: a random code instead of a name, an optional age bracket and free label,
// notes per question and for the whole diagnostic, who answered each question, the notes chosen
// for the referral sheet, and the outcome once finished. Pure data: the vault of src/storage
// encrypts it whole; nothing here knows about storage.

export const PRO_RECORD_VERSION = 1;

/** Modes a professional record may be made in (the kiosk never makes one). */
export const PRO_MODES = ['interview', 'workshop'] as const satisfies readonly SessionMode[];
export type ProMode = (typeof PRO_MODES)[number];

/** Age brackets only: never an age, never a birth date. */
export const AGE_BRACKETS = ['moins-26', '26-44', '45-59', '60-74', '75-plus'] as const;
export type AgeBracket = (typeof AGE_BRACKETS)[number];

/** Who gave an answer: the person said it, or the professional observed it. */
export const ANSWER_SOURCES = ['person', 'observed'] as const;
export type AnswerSource = (typeof ANSWER_SOURCES)[number];

/** The person's code, e.g. "K7F-2QX": three characters, a hyphen, three characters. */
export type PersonCode = string & { readonly __personCode: true };

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{3}-[${CODE_ALPHABET}]{3}$`);
/** How long a free label may be: a few words ("suivi RSA", "atelier mardi"), never a file. */
export const LABEL_MAX = 80;
/** How long a note may be. */
export const NOTE_MAX = 4000;

/** The key of the general note among the notes chosen for the referral sheet. */
export const GENERAL_NOTE = '*';

export interface ProRecord {
  version: 1;
  /** The run itself: answers, path, timestamps, mode 'interview' or 'workshop'. */
  session: SessionRecord & { mode: ProMode };
  code: PersonCode;
  ageBracket?: AgeBracket;
  /** A free label under the professional's control (never a name: the screen says so). */
  label: string;
  /** A note per question, by question id. */
  notes: Partial<Record<QuestionId, string>>;
  /** The note for the whole diagnostic. */
  generalNote: string;
  /** Who answered each question; a question without an entry was answered by the person. */
  answeredBy: Partial<Record<QuestionId, AnswerSource>>;
  /** Notes chosen for the referral sheet: question ids, and GENERAL_NOTE for the general note. */
  sheetNotes: string[];
  /** The result, once the run is completed. */
  outcome?: Outcome;
}

/**
 * A new person code from random bytes: `randomBytes(n)` must return n bytes from a cryptographic
 * source (the browser passes crypto.getRandomValues). Bytes that would bias the alphabet are
 * drawn again, so every code is equally likely (31^6, about 887 million codes).
 */
export function newPersonCode(randomBytes: (n: number) => Uint8Array): PersonCode {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  const chars: string[] = [];
  while (chars.length < 6) {
    for (const byte of randomBytes(8)) {
      if (byte < limit && chars.length < 6) chars.push(CODE_ALPHABET[byte % CODE_ALPHABET.length] as string);
    }
  }
  return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}` as PersonCode;
}

export function isPersonCode(value: unknown): value is PersonCode {
  return typeof value === 'string' && CODE_PATTERN.test(value);
}

/** A code as typed by someone ("k7f 2qx", "K7F2QX"): the code, or undefined when it cannot be one. */
export function normalizePersonCode(typed: string): PersonCode | undefined {
  const compact = typed.toUpperCase().replace(/[\s\-_.]/g, '');
  if (compact.length !== 6) return undefined;
  const code = `${compact.slice(0, 3)}-${compact.slice(3)}`;
  return isPersonCode(code) ? code : undefined;
}

export interface NewProRecordInput {
  session: SessionRecord;
  code: PersonCode;
  ageBracket?: AgeBracket | undefined;
  label?: string;
}

export function createProRecord({ session, code, ageBracket, label = '' }: NewProRecordInput): ProRecord {
  if (!isProMode(session.mode)) throw new Error(`a professional record is made in interview or workshop mode, not ${session.mode}`);
  return {
    version: PRO_RECORD_VERSION,
    session: session as ProRecord['session'],
    code,
    ...(ageBracket ? { ageBracket } : {}),
    label: label.trim().slice(0, LABEL_MAX),
    notes: {},
    generalNote: '',
    answeredBy: {},
    sheetNotes: [],
  };
}

function isProMode(mode: unknown): mode is ProMode {
  return (PRO_MODES as readonly unknown[]).includes(mode);
}

export type ProRecordCheck = { ok: true; record: ProRecord } | { ok: false; reason: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a stored professional record: checked field by field, the session through readRecord(); bad data is reported, never thrown. */
export function readProRecord(raw: unknown): ProRecordCheck {
  if (!isObj(raw)) return { ok: false, reason: 'not an object' };
  if (raw.version !== PRO_RECORD_VERSION) {
    return { ok: false, reason: typeof raw.version === 'number' && raw.version > PRO_RECORD_VERSION ? `version ${raw.version} is newer than this app` : 'no known version' };
  }
  const session = readRecord(raw.session);
  if (!session.ok) return { ok: false, reason: `session: ${session.reason}` };
  if (!isProMode(session.record.mode)) return { ok: false, reason: `mode ${session.record.mode} is not a professional mode` };
  if (!isPersonCode(raw.code)) return { ok: false, reason: 'code is not a person code' };
  if (raw.ageBracket !== undefined && !(AGE_BRACKETS as readonly unknown[]).includes(raw.ageBracket)) return { ok: false, reason: `unknown age bracket ${String(raw.ageBracket)}` };
  if (typeof raw.label !== 'string' || raw.label.length > LABEL_MAX) return { ok: false, reason: 'label is not a short text' };
  if (typeof raw.generalNote !== 'string' || raw.generalNote.length > NOTE_MAX) return { ok: false, reason: 'generalNote is not a text' };
  const questions = new Set<string>(session.record.path);
  for (const id of Object.keys(session.record.answers)) questions.add(id);
  if (!isObj(raw.notes)) return { ok: false, reason: 'notes is not an object' };
  for (const [id, note] of Object.entries(raw.notes)) {
    if (typeof note !== 'string' || note.length > NOTE_MAX) return { ok: false, reason: `note on ${id} is not a text` };
  }
  if (!isObj(raw.answeredBy)) return { ok: false, reason: 'answeredBy is not an object' };
  for (const [id, source] of Object.entries(raw.answeredBy)) {
    if (!(ANSWER_SOURCES as readonly unknown[]).includes(source)) return { ok: false, reason: `answeredBy ${id} is neither person nor observed` };
  }
  if (!Array.isArray(raw.sheetNotes) || !raw.sheetNotes.every((n) => typeof n === 'string')) return { ok: false, reason: 'sheetNotes is not a list of note keys' };
  if (raw.outcome !== undefined) {
    const problem = checkOutcome(raw.outcome);
    if (problem) return { ok: false, reason: `outcome: ${problem}` };
  }
  if (session.record.status === 'completed' && raw.outcome === undefined) return { ok: false, reason: 'a completed record has no outcome' };
  const record: ProRecord = {
    version: PRO_RECORD_VERSION,
    session: session.record as ProRecord['session'],
    code: raw.code,
    label: raw.label,
    notes: raw.notes as ProRecord['notes'],
    generalNote: raw.generalNote,
    answeredBy: raw.answeredBy as ProRecord['answeredBy'],
    sheetNotes: raw.sheetNotes as string[],
    ...(raw.ageBracket === undefined ? {} : { ageBracket: raw.ageBracket as AgeBracket }),
    // Gaps came with the exercises: an outcome stored before them has none.
    ...(raw.outcome === undefined ? {} : { outcome: { gaps: [], ...(raw.outcome as Omit<Outcome, 'gaps'>) } as Outcome }),
  };
  return { ok: true, record };
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function checkOutcome(o: unknown): string | undefined {
  if (!isObj(o)) return 'not an object';
  if (typeof o.profile !== 'string' || o.profile === '') return 'profile is missing';
  if (!Array.isArray(o.areas)) return 'areas is not a list';
  for (const a of o.areas) {
    if (!isObj(a) || typeof a.area !== 'string') return 'an area has no id';
    if (a.score !== null && (typeof a.score !== 'number' || a.score < 0 || a.score > 100)) return `score of ${a.area} is not 0-100`;
    if (typeof a.points !== 'number' || typeof a.max !== 'number') return `points of ${a.area} are missing`;
  }
  if (o.global !== null && typeof o.global !== 'number') return 'global is not a number';
  if (!isStringList(o.flags)) return 'flags is not a list';
  if (!isStringList(o.steps)) return 'steps is not a list';
  if (o.gaps !== undefined) {
    if (!Array.isArray(o.gaps)) return 'gaps is not a list';
    for (const g of o.gaps) {
      if (!isObj(g) || typeof g.area !== 'string' || typeof g.question !== 'string' || typeof g.exercise !== 'string' || (g.direction !== 'over' && g.direction !== 'under')) return 'a gap is malformed';
    }
  }
  return undefined;
}

/** One point of a person's history: when, and each area's score then. */
export interface HistoryPoint {
  recordId: string;
  at: string;
  profile: ProfileId;
  scores: Partial<Record<AreaId, number | null>>;
}

/** The completed diagnostics of one code, oldest first: what the progress chart draws. */
export function historyOf(records: readonly ProRecord[], code: PersonCode): HistoryPoint[] {
  return records
    .filter((r) => r.code === code && r.session.status === 'completed' && r.outcome)
    .map((r) => ({
      recordId: r.session.id,
      at: r.session.completedAt ?? r.session.updatedAt,
      profile: (r.outcome as Outcome).profile,
      scores: Object.fromEntries((r.outcome as Outcome).areas.map((a) => [a.area, a.score])) as HistoryPoint['scores'],
    }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Notes chosen for the referral sheet, in the order of the path, the general note last. */
export function sheetNotesOf(record: ProRecord): { key: string; note: string }[] {
  const chosen = new Set(record.sheetNotes);
  const out: { key: string; note: string }[] = [];
  for (const id of record.session.path) {
    const note = record.notes[id]?.trim();
    if (note && chosen.has(id)) out.push({ key: id, note });
  }
  if (chosen.has(GENERAL_NOTE) && record.generalNote.trim()) out.push({ key: GENERAL_NOTE, note: record.generalNote.trim() });
  return out;
}
