import * as v from 'valibot';
import { AGE_BRACKETS, ANSWER_SOURCES, CODE_ALPHABET, CODE_PATTERN, LABEL_MAX, NOTE_MAX, PRO_MODES, proRecordFormat, reasonOf, type AgeBracket, type AnswerSource, type PersonCode, type ProMode, type ProRecord } from './formats/records.ts';
import { readRecord } from './read-session-record.ts';
import type { SessionRecord } from './session-record.ts';
import type { AreaId, Outcome, ProfileId } from './types.ts';

// A professional record: a diagnostic made in interview mode (a social worker, the person beside
// them) or workshop mode (an EPN animator placing a learner). It is the session record plus what
// the professional adds: a random code instead of a name, an optional age bracket and free label,
// notes per question and for the whole diagnostic, who answered each question, the notes chosen
// for the referral sheet, and the outcome once finished. Pure data: the vault of src/storage
// encrypts it whole; nothing here knows about storage. Its format is declared in formats/records.ts.

export const PRO_RECORD_VERSION = 1;

export { AGE_BRACKETS, ANSWER_SOURCES, CODE_ALPHABET, LABEL_MAX, NOTE_MAX, PRO_MODES, type AgeBracket, type AnswerSource, type PersonCode, type ProMode, type ProRecord };

/** The key of the general note among the notes chosen for the referral sheet. */
export const GENERAL_NOTE = '*';

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

/** Reads a stored professional record: its session migrated and checked by readRecord(), the whole against the format; bad data is reported, never thrown. */
export function readProRecord(raw: unknown): ProRecordCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const stored = raw as Record<string, unknown>;
  if (stored.version !== PRO_RECORD_VERSION) {
    return { ok: false, reason: typeof stored.version === 'number' && stored.version > PRO_RECORD_VERSION ? `version ${stored.version} is newer than this app` : 'no known version' };
  }
  const session = readRecord(stored.session);
  if (!session.ok) return { ok: false, reason: `session: ${session.reason}` };
  const checked = v.safeParse(proRecordFormat, { ...stored, session: session.record });
  if (!checked.success) return { ok: false, reason: reasonOf(checked.issues) };
  if (checked.output.session.status === 'completed' && checked.output.outcome === undefined) return { ok: false, reason: 'a completed record has no outcome' };
  return { ok: true, record: checked.output };
}

/** One point of a person's history: when, and each area's score then. */
export interface HistoryPoint {
  recordId: string;
  at: string;
  profile: ProfileId;
  scores: Partial<Record<AreaId, number | null>>;
  /** The version whose answers were carried onto this one by a declared mapping, and rescored. */
  convertedFrom?: string;
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
