import { CODE_ALPHABET, createProRecord, type PersonCode, type ProRecord } from './pro-record.ts';
import { outcomeOf } from './scoring.ts';
import { createRecord } from './session-record.ts';
import { AREA_LEVELS, EXERCISE_OUTCOMES, type AreaId, type AreaLevel, type AreaResult, type Answer, type Answers, type ExerciseOutcome, type OptionId, type Outcome, type ProfileId, type QuestionId, type Questionnaire, type QuestionnaireId, type SessionId, type StepId } from './types.ts';

// A kiosk result handed to a professional without a name or a server: the person shows the result
// screen's QR code (or reads out its short code), and the professional space files it as a record.
// Nothing is stored on the kiosk: everything travels in the code itself.
//
// - The short code carries the result: the profile, each area's level, the next steps, and a check
//   of the questionnaire's version; in the unambiguous alphabet of person codes (no 0/O, 1/I/L), in
//   groups of four, the last two characters a checksum that catches a mistyped or swapped character.
// - The answers travel in the QR code's link (parameter `x`), compactly: each question by its index,
//   each option by its index, an exercise by its outcome. With them the professional's record is
//   complete (the outcome recomputed, every answer shown).

/** What a hand-off carries: the result, and the answers when they came with it. */
export interface HandoffResult {
  profile: ProfileId;
  areas: { area: AreaId; level: AreaLevel | null }[];
  steps: StepId[];
}

const BASE = BigInt(CODE_ALPHABET.length);

/** A 10-bit check of the questionnaire's content, so a code read on a device with another version is told apart. */
function versionCheck(contentHash: string): bigint {
  let h = 0;
  for (const c of contentHash) h = (h * 31 + c.charCodeAt(0)) % 1021;
  return BigInt(h);
}

/** Two check characters: a weighted sum (a wrong character) and a sum of sums (two characters swapped). */
function checksum(values: number[]): [number, number] {
  const n = CODE_ALPHABET.length;
  let a = 0;
  let b = 0;
  for (const v of values) {
    a = (a + v + 1) % n;
    b = (b + a) % n;
  }
  return [a, b];
}

/** The short code of a result: "ABCD-EFGH-…", checked. */
export function handoffCode(questionnaire: Questionnaire, contentHash: string, result: HandoffResult): string {
  const steps = questionnaire.recommendations.steps.map((s) => s.id);
  let n = 1n; // a leading 1 keeps leading zeros
  for (const id of steps) n = (n << 1n) | (result.steps.includes(id) ? 1n : 0n);
  for (const area of questionnaire.areas) {
    const level = result.areas.find((a) => a.area === area)?.level ?? null;
    n = (n << 2n) | BigInt(level === null ? 0 : AREA_LEVELS.indexOf(level) + 1);
  }
  n = (n << 3n) | BigInt(Math.max(0, questionnaire.profiles.indexOf(result.profile)));
  n = (n << 10n) | versionCheck(contentHash);
  const digits: number[] = [];
  while (n > 0n) {
    digits.unshift(Number(n % BASE));
    n /= BASE;
  }
  const all = [...digits, ...checksum(digits)].map((d) => CODE_ALPHABET[d] as string).join('');
  return all.match(/.{1,4}/g)?.join('-') ?? all;
}

export type ReadCode = { ok: true; result: HandoffResult } | { ok: false; problem: 'format' | 'checksum' | 'version' };

/** Reads a typed short code (any case, spaces or dashes anywhere; O read as 0 is not in the alphabet, so it is refused). */
export function readHandoffCode(questionnaire: Questionnaire, contentHash: string, typed: string): ReadCode {
  const compact = typed.toUpperCase().replace(/[\s\-_.]/g, '');
  if (compact.length < 6 || [...compact].some((c) => !CODE_ALPHABET.includes(c))) return { ok: false, problem: 'format' };
  const values = [...compact].map((c) => CODE_ALPHABET.indexOf(c));
  const digits = values.slice(0, -2);
  const [a, b] = checksum(digits);
  if (values.at(-2) !== a || values.at(-1) !== b) return { ok: false, problem: 'checksum' };
  let n = 0n;
  for (const d of digits) n = n * BASE + BigInt(d);
  if (Number(n & 1023n) !== Number(versionCheck(contentHash))) return { ok: false, problem: 'version' };
  n >>= 10n;
  const profile = questionnaire.profiles[Number(n & 7n)];
  n >>= 3n;
  const areas: HandoffResult['areas'] = [];
  for (const area of [...questionnaire.areas].reverse()) {
    const v = Number(n & 3n);
    areas.unshift({ area, level: v === 0 ? null : (AREA_LEVELS[v - 1] ?? null) });
    n >>= 2n;
  }
  const stepIds = questionnaire.recommendations.steps.map((s) => s.id);
  const steps: StepId[] = [];
  for (const id of [...stepIds].reverse()) {
    if (n & 1n) steps.unshift(id);
    n >>= 1n;
  }
  if (n !== 1n || !profile) return { ok: false, problem: 'format' };
  return { ok: true, result: { profile, areas, steps } };
}

const b36 = (n: number) => n.toString(36);
const OUTCOME_CODES: Record<ExerciseOutcome, string> = { success: 's', partial: 'p', failure: 'f', skipped: 'k' };

/**
 * The answers on the path, compactly: entries in path order, separated by "_", each the question's
 * index in base 36, then "-" and its answer: option indices (base 36, "." between several), or an
 * exercise as "!" + outcome letter + score in tenths.
 */
export function encodeAnswers(questionnaire: Questionnaire, answers: Answers, path: readonly QuestionId[]): string {
  const index = new Map(questionnaire.questions.map((q, i) => [q.id, i]));
  const entries: string[] = [];
  for (const id of path) {
    const i = index.get(id);
    if (i === undefined) continue;
    const question = questionnaire.questions[i];
    const options = (question?.options ?? []).map((o) => o.id);
    const answer = answers[id];
    let body = '';
    if (answer?.type === 'choice') body = b36(Math.max(0, options.indexOf(answer.option)));
    else if (answer?.type === 'choices') body = answer.options.map((o) => b36(Math.max(0, options.indexOf(o)))).join('.');
    else if (answer?.type === 'exercise') body = `!${OUTCOME_CODES[answer.result.outcome]}${Math.round(answer.result.score * 10)}`;
    entries.push(answer ? `${b36(i)}-${body}` : b36(i));
  }
  return entries.join('_');
}

/** Reads encodeAnswers' text back against the same questionnaire; undefined when it does not fit. */
export function decodeAnswers(questionnaire: Questionnaire, text: string): { answers: Answers; path: QuestionId[] } | undefined {
  const answers: Answers = {};
  const path: QuestionId[] = [];
  for (const entry of text.split('_').filter(Boolean)) {
    const [qi, body] = entry.split('-');
    const question = questionnaire.questions[parseInt(qi ?? '', 36)];
    if (!question || !/^[0-9a-z]+$/.test(qi ?? '')) return undefined;
    path.push(question.id);
    if (body === undefined) continue;
    const options = (question.options ?? []).map((o) => o.id);
    let answer: Answer;
    if (body.startsWith('!')) {
      const outcome = (Object.entries(OUTCOME_CODES).find(([, c]) => c === body[1])?.[0] ?? '') as ExerciseOutcome;
      const score = Number(body.slice(2)) / 10;
      if (!EXERCISE_OUTCOMES.includes(outcome) || !(score >= 0 && score <= 1)) return undefined;
      answer = { type: 'exercise', result: { outcome, score, attempts: 1, misses: 0, durationMs: 0 } };
    } else {
      const picked = body.split('.').map((d) => options[parseInt(d, 36)]);
      if (picked.some((o) => o === undefined)) return undefined;
      answer = question.kind === 'multiple' ? { type: 'choices', options: picked as OptionId[] } : { type: 'choice', option: picked[0] as OptionId };
    }
    answers[question.id] = answer;
  }
  return path.length ? { answers, path } : undefined;
}

/** A hand-off as read by the professional space: the result, and the answers when the link had them. */
export interface Handoff {
  result: HandoffResult;
  answered?: { answers: Answers; path: QuestionId[] } | undefined;
}

export interface FileHandoffInput {
  questionnaire: Questionnaire;
  contentHash: string;
  handoff: Handoff;
  id: SessionId;
  code: PersonCode;
  label: string;
  language: string;
  now: string;
}

/**
 * The professional record a hand-off becomes: a completed record in interview mode whose outcome is
 * recomputed from the answers when they came, or else holds the result's levels only (no scores).
 */
export function recordFromHandoff({ questionnaire, contentHash, handoff, id, code, label, language, now }: FileHandoffInput): ProRecord {
  const session = createRecord({ id, questionnaireId: questionnaire.id as QuestionnaireId, questionnaireVersion: questionnaire.version, contentHash, mode: 'interview', language, now, start: questionnaire.start });
  const outcome: Outcome = handoff.answered
    ? outcomeOf(questionnaire, handoff.answered.answers, handoff.answered.path)
    : {
        profile: handoff.result.profile,
        areas: handoff.result.areas.map(({ area, level }): AreaResult => ({ area, level, score: null, points: 0, max: 0 })),
        global: null,
        flags: [],
        steps: handoff.result.steps,
        gaps: [],
      };
  const record = createProRecord({ session: { ...session, answers: handoff.answered?.answers ?? {}, path: handoff.answered?.path ?? [questionnaire.start], status: 'completed', completedAt: now }, code, label });
  return { ...record, outcome };
}
