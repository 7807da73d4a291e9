// The records a device keeps (a run, a professional record with its outcome), declared once: their
// types and the checks their readers run (session-record.ts, pro-record.ts) come from here. Records
// are written by the app itself, so a broken one is set aside with a reason for the developers
// (reasonOf), never shown to a structure with a fix. Every version ever written stays readable: the
// readers migrate a record to the current version first, then check it against this format.
import * as v from 'valibot';
import { AREA_LEVELS, EXERCISE_OUTCOMES } from './values.ts';
import { SESSION_MODES } from './settings.ts';

export const SESSION_STATUSES = ['in-progress', 'completed', 'abandoned'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

const text = v.pipe(v.string(), v.minLength(1));
const questionId = v.pipe(v.string(), v.brand('QuestionId'));
const optionId = v.pipe(v.string(), v.brand('OptionId'));
const areaId = v.pipe(v.string(), v.brand('AreaId'));

export const exerciseResultFormat = v.object({
  outcome: v.picklist(EXERCISE_OUTCOMES),
  /** Share of the exercise done right, 0 to 1. */
  score: v.number(),
  attempts: v.number(),
  misses: v.number(),
  durationMs: v.number(),
  /** Why an exercise was skipped (by the person, or because the skill needs a pointer the person has not). */
  skippedReason: v.optional(v.picklist(['person', 'no-pointer'])),
});

export const answerFormat = v.variant('type', [
  v.object({ type: v.literal('choice'), option: optionId }),
  v.object({ type: v.literal('choices'), options: v.array(optionId) }),
  v.object({ type: v.literal('exercise'), result: exerciseResultFormat }),
]);

/** Version 1: the first records, without mode or language. */
export const sessionRecordV1Format = v.object({
  version: v.literal(1),
  id: text,
  questionnaireId: text,
  contentHash: text,
  answers: v.record(v.string(), answerFormat),
  path: v.array(v.string()),
  startedAt: text,
  updatedAt: text,
  status: v.picklist(SESSION_STATUSES),
});

/**
 * Version 2 (current): adds the mode the run was made in, the language, and when it was completed.
 * `questionnaireVersion` is kept when the run controller writes it (the questionnaire's `version`,
 * beside its id and content hash), so a record can name exactly what it was made with.
 */
export const sessionRecordFormat = v.object({
  version: v.literal(2),
  id: v.pipe(text, v.brand('SessionId')),
  questionnaireId: v.pipe(text, v.brand('QuestionnaireId')),
  questionnaireVersion: v.optional(text),
  contentHash: text,
  mode: v.picklist(SESSION_MODES),
  language: text,
  answers: v.record(questionId, v.optional(answerFormat)),
  path: v.pipe(v.array(questionId), v.minLength(1)),
  startedAt: text,
  updatedAt: text,
  completedAt: v.optional(text),
  status: v.picklist(SESSION_STATUSES),
});

const areaResult = v.object({
  area: v.pipe(text, v.brand('AreaId')),
  /** 0-100, or null when no answer on the path measured this area. */
  score: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
  level: v.nullable(v.picklist(AREA_LEVELS)),
  /** Points earned and possible, so a professional can check the score. */
  points: v.number(),
  max: v.number(),
});

/**
 * A strong disagreement between what a person declared and what an exercise observed:
 * `over`, declared able (alone, or could show someone) and the exercise failed;
 * `under`, declared unable (or only with help) and the exercise succeeded.
 */
const gap = v.object({
  area: areaId,
  /** The declared question (the exercise's `checks`). */
  question: questionId,
  exercise: questionId,
  direction: v.picklist(['over', 'under']),
});

export const outcomeFormat = v.object({
  profile: v.pipe(text, v.brand('ProfileId')),
  areas: v.array(areaResult),
  /** Mean of the measured areas, 0-100. */
  global: v.nullable(v.number()),
  flags: v.array(v.pipe(v.string(), v.brand('FlagId'))),
  /** Ordered next steps, each once. */
  steps: v.array(v.pipe(v.string(), v.brand('StepId'))),
  /** Declared-versus-observed disagreements, for the professional only; gaps came with the exercises, an outcome stored before them has none. */
  gaps: v.optional(v.array(gap), () => []),
});

export type ExerciseResult = v.InferOutput<typeof exerciseResultFormat>;
export type Answer = v.InferOutput<typeof answerFormat>;
export type SessionRecordV1 = v.InferOutput<typeof sessionRecordV1Format>;
export type SessionRecord = v.InferOutput<typeof sessionRecordFormat>;
export type AreaResult = v.InferOutput<typeof areaResult>;
export type Gap = v.InferOutput<typeof gap>;
export type Outcome = v.InferOutput<typeof outcomeFormat>;

/** What is wrong with a record, for the developers who read the quarantine: where, and what. */
export function reasonOf(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'malformed';
  const keys = (issue.path ?? []).map((item) => String(item.key));
  const where = keys.join('.') || 'record';
  const isObject = issue.type === 'object' || issue.type === 'variant';
  if (isObject && issue.input === undefined && keys.length > 0) return `${where} is missing`;
  if (issue.expected === 'Object' || issue.expected === 'Array' || issue.expected === 'string' || issue.expected === 'number') {
    if (issue.input === undefined) return `${where} is missing`;
    return `${where} is not ${{ Object: 'an object', Array: 'a list', string: 'a text', number: 'a number' }[issue.expected]}`;
  }
  if (issue.type === 'min_length') return `${where} is empty`;
  if (issue.type === 'max_length') return `${where} is too long`;
  if (issue.type === 'regex') return `${where} is malformed`;
  if (issue.type === 'max_value') return `${where} ${issue.received} is over ${String(issue.requirement)}`;
  if (issue.type === 'min_value') return `${where} ${issue.received} is under ${String(issue.requirement)}`;
  return `${where} ${issue.received} is not ${issue.expected}`;
}

// ---- professional records -------------------------------------------------------------------

/** Modes a professional record may be made in (the kiosk never makes one). */
export const PRO_MODES = ['interview', 'workshop'] as const;
/** Age brackets only: never an age, never a birth date. */
export const AGE_BRACKETS = ['moins-26', '26-44', '45-59', '60-74', '75-plus'] as const;
/** Who gave an answer: the person said it, or the professional observed it. */
export const ANSWER_SOURCES = ['person', 'observed'] as const;
/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{3}-[${CODE_ALPHABET}]{3}$`);
/** How long a free label may be: a few words ("suivi RSA", "atelier mardi"), never a file. */
export const LABEL_MAX = 80;
/** How long a note may be. */
export const NOTE_MAX = 4000;

/** A person's code, e.g. "K7F-2QX": three characters, a hyphen, three characters. */
export const personCodeFormat = v.pipe(v.string(), v.regex(CODE_PATTERN), v.brand('PersonCode'));

export const proRecordFormat = v.object({
  version: v.literal(1),
  /** The run itself: answers, path, timestamps, mode 'interview' or 'workshop'. */
  session: v.object({ ...sessionRecordFormat.entries, mode: v.picklist(PRO_MODES) }),
  code: personCodeFormat,
  ageBracket: v.optional(v.picklist(AGE_BRACKETS)),
  /** A free label under the professional's control (never a name: the screen says so). */
  label: v.pipe(v.string(), v.maxLength(LABEL_MAX)),
  /** A note per question, by question id. */
  notes: v.record(questionId, v.optional(v.pipe(v.string(), v.maxLength(NOTE_MAX)))),
  /** The note for the whole diagnostic. */
  generalNote: v.pipe(v.string(), v.maxLength(NOTE_MAX)),
  /** Who answered each question; a question without an entry was answered by the person. */
  answeredBy: v.record(questionId, v.optional(v.picklist(ANSWER_SOURCES))),
  /** Notes chosen for the referral sheet: question ids, and GENERAL_NOTE for the general note. */
  sheetNotes: v.array(v.string()),
  /** The result, once the run is completed. */
  outcome: v.optional(outcomeFormat),
});

export type ProMode = (typeof PRO_MODES)[number];
export type AgeBracket = (typeof AGE_BRACKETS)[number];
export type AnswerSource = (typeof ANSWER_SOURCES)[number];
export type PersonCode = v.InferOutput<typeof personCodeFormat>;
export type ProRecord = v.InferOutput<typeof proRecordFormat>;
