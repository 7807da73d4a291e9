import { answersOnPath, evaluate, evaluationFor, flagsOf, questionIndex, scoreAreas, type Evaluation } from './scoring.ts';
import type { Answers, AreaId, Condition, FlagId, NextRule, Question, QuestionId, Questionnaire } from './types.ts';

import { END } from './formats/values.ts';

export { END };

/** A question's "next" as ordered rules, whatever shorthand the file used. */
export function nextRules(questionnaire: Questionnaire, question: Question): NextRule[] {
  const { next } = question;
  if (Array.isArray(next)) return next;
  if (typeof next === 'string') return [{ goto: next }];
  const following = questionnaire.questions[positionOf(questionnaire, question) + 1];
  return [{ goto: following ? following.id : END }];
}

const positions = new WeakMap<Questionnaire, Map<Question, number>>();
/** A question's place in the questionnaire's list (-1 if absent), without a search through it each time. */
function positionOf(questionnaire: Questionnaire, question: Question): number {
  let known = positions.get(questionnaire);
  let at = known?.get(question);
  // A list changed since (tests build questionnaires by hand): looked up afresh.
  if (at === undefined || questionnaire.questions[at] !== question) {
    positions.set(questionnaire, (known = new Map(questionnaire.questions.map((q, i) => [q, i]))));
    at = known.get(question);
  }
  return at ?? -1;
}

/** Where a question's own rules lead, for the answers on the path (no skipping). */
function ruleTarget(questionnaire: Questionnaire, question: Question, pathAnswers: Answers, env: () => Evaluation): QuestionId | typeof END {
  for (const rule of nextRules(questionnaire, question)) {
    if (!rule.if || evaluate(rule.if, env())) return rule.goto;
  }
  return END;
}

/**
 * Where the path goes after `current`, given the answers on the path so far (which include current's).
 * The questionnaire's rules say which question comes next; with `skipSettled`, a question that can
 * no longer change the result is passed over (see `isSettled`), and the rules of the question
 * passed over say where to go instead. The machine's guards, the step counter and the walks all
 * come here: they cannot disagree.
 */
export function nextStep(questionnaire: Questionnaire, current: QuestionId, answers: Answers, path: readonly QuestionId[]): QuestionId | typeof END {
  const index = questionIndex(questionnaire);
  const question = index.get(current);
  if (!question) return END;
  const pathAnswers = answersOnPath(answers, path);
  let env: Evaluation | undefined;
  const lazyEnv = () => (env ??= evaluationFor(questionnaire, pathAnswers));
  let to = ruleTarget(questionnaire, question, pathAnswers, lazyEnv);
  const scores = () => lazyEnv().areas;
  // Each question is passed over at most once: the chart has no loop (the validator refuses them).
  for (let hops = 0; to !== END && hops < questionnaire.questions.length; hops++) {
    const target = index.get(to);
    if (!target || !isSettled(questionnaire, target.id, pathAnswers, path, undefined, scores)) break;
    to = ruleTarget(questionnaire, target, pathAnswers, lazyEnv);
  }
  return to;
}

/** Whether a question has what it needs to move on. */
export function isAnswered(question: Question, answers: Answers): boolean {
  if (question.kind === 'info') return true;
  const answer = answers[question.id];
  if (!answer) return false;
  if (answer.type === 'choices') return answer.options.length > 0;
  return true;
}

/**
 * The path the answers already given lead to: the steps taken, plus those that answers kept from
 * a previous pass (or none) lead to. The walks check it against the machine.
 */
export function expectedPath(questionnaire: Questionnaire, answers: Answers, path: readonly QuestionId[]): QuestionId[] {
  const index = questionIndex(questionnaire);
  const projected = [...path];
  let current = projected.at(-1);
  const limit = questionnaire.questions.length;
  while (current && projected.length <= limit) {
    const question = index.get(current);
    if (!question) break;
    const next = nextStep(questionnaire, current, answers, projected);
    if (next === END) break;
    projected.push(next);
    current = next;
  }
  return projected;
}

// ---- what can still change the result -------------------------------------------------------------
//
// With `"skipSettled": true`, a question is not asked when none of its answers can change the
// result any more: it sets no flag, no rule (branching, profile, next step) reads its answer, and
// the level of every area it counts in is already certain, whatever the questions that may still
// come. "Certain": with the points earned so far (p of m possible) and R the points that the
// questions still possible could add in that area, the final score lies between p / (m + R)
// (nothing more earned) and (p + R) / (m + R) (everything earned); when both ends fall on the same
// side of every threshold (the levels', and every score a rule compares), the level cannot change.
// A question that counts in no area is always asked (an information screen, say).

/** What the skipping rule needs to know about a questionnaire, computed once. */
export interface PathChart {
  index: Map<QuestionId, Question>;
  /** Every question a question's rules may lead to. */
  successors: Map<QuestionId, QuestionId[]>;
  /** Every question reachable after a question, on the chart of all branches. */
  after: Map<QuestionId, QuestionSet>;
  /** Questions never passed over: a rule reads their answer, or an option sets a flag. */
  kept: Set<QuestionId>;
  /** Questions whose answer a condition reads. */
  read: Set<QuestionId>;
  /** Whether a condition reads a flag. */
  readsFlags: boolean;
  /** The scores at which an area's outcome can change (a score at or above the value differs from one below it). */
  thresholds: Map<AreaId, number[]>;
  /** The most points each question can give, per area. */
  most: Map<QuestionId, Map<AreaId, number>>;
  /** Flags each question's options may set. */
  flagsSet: Map<QuestionId, Set<FlagId>>;
  /** Whether the rule applies at all: `skipSettled` is on and no condition reads the "global" score. */
  skipping: boolean;
}

/**
 * Every condition that decides the result: branching, profiles, next steps. The DSI block is left
 * out on purpose: it reads the answers given, and a question passed over counts as not said (asking
 * every question the DSI reads would bring the personas' median path from 12 to 13 screens).
 */
export function conditionsOf(questionnaire: Questionnaire): Condition[] {
  const found: Condition[] = [];
  for (const question of questionnaire.questions) for (const rule of nextRules(questionnaire, question)) if (rule.if) found.push(rule.if);
  for (const rule of questionnaire.profileRules) if (rule.when) found.push(rule.when);
  for (const step of questionnaire.recommendations.steps) if (step.when) found.push(step.when);
  return found;
}

function visit(condition: Condition, see: (c: Condition) => void): void {
  see(condition);
  if ('all' in condition) condition.all.forEach((c) => visit(c, see));
  else if ('any' in condition) condition.any.forEach((c) => visit(c, see));
  else if ('not' in condition) visit(condition.not, see);
}

function mostPoints(question: Question, area: AreaId): number {
  const positive = (n: number | undefined) => (n !== undefined && n > 0 ? n : 0);
  if (question.kind === 'exercise') return positive(question.exercise?.scores?.[area]);
  const options = question.options ?? [];
  if (question.kind === 'multiple') return options.reduce((sum, o) => sum + positive(o.scores?.[area]), 0);
  return options.reduce((m, o) => Math.max(m, positive(o.scores?.[area])), 0);
}

/**
 * A set of questions as bits over the questionnaire's order. Reachability is a set per question:
 * as bits it takes n² / 8 bytes and is built by OR-ing words, where sets of ids took n² entries.
 */
export class QuestionSet implements Iterable<QuestionId> {
  constructor(
    private readonly ids: readonly QuestionId[],
    private readonly position: ReadonlyMap<QuestionId, number>,
    readonly bits: Uint32Array,
  ) {}

  has(id: QuestionId): boolean {
    const i = this.position.get(id);
    return i !== undefined && ((this.bits[i >>> 5] as number) & (1 << (i & 31))) !== 0;
  }

  *[Symbol.iterator](): Iterator<QuestionId> {
    const { bits, ids } = this;
    for (let w = 0; w < bits.length; w++) {
      for (let word = bits[w] as number; word !== 0; word &= word - 1) yield ids[w * 32 + 31 - Math.clz32(word & -word)] as QuestionId;
    }
  }
}

/**
 * For each question, every question reachable after it (`successors` followed, conditions ignored):
 * one depth-first walk with an explicit stack, each question's set the union of its successors' sets,
 * taken once they are complete. A loop (refused by the validator) stops at the question met again.
 */
function reachability(ids: readonly QuestionId[], successors: ReadonlyMap<QuestionId, readonly QuestionId[]>): Map<QuestionId, QuestionSet> {
  const n = ids.length;
  const words = Math.ceil(n / 32);
  const position = new Map(ids.map((id, i) => [id, i]));
  const buffer = new Uint32Array(n * words);
  const bitsOf = (i: number) => buffer.subarray(i * words, (i + 1) * words);
  const next = ids.map((id) => (successors.get(id) ?? []).map((to) => position.get(to) as number));
  const state = new Uint8Array(n); // 0 not seen, 1 on the stack, 2 done
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    const stack = [root];
    const edge = [0];
    state[root] = 1;
    while (stack.length) {
      const top = stack.length - 1;
      const i = stack[top] as number;
      const out = next[i] as number[];
      const k = edge[top] as number;
      if (k < out.length) {
        edge[top] = k + 1;
        const to = out[k] as number;
        if (state[to] === 0) {
          state[to] = 1;
          stack.push(to);
          edge.push(0);
        }
        continue;
      }
      const bits = bitsOf(i);
      for (const to of out) {
        bits[to >>> 5] = (bits[to >>> 5] as number) | (1 << (to & 31));
        if (state[to] === 2) {
          const further = bitsOf(to);
          for (let w = 0; w < words; w++) bits[w] = (bits[w] as number) | (further[w] as number);
        }
      }
      state[i] = 2;
      stack.pop();
      edge.pop();
    }
  }
  return new Map(ids.map((id, i) => [id, new QuestionSet(ids, position, bitsOf(i))]));
}

const charts = new WeakMap<Questionnaire, PathChart>();
/** The questionnaire's chart for the skipping rule and the step counter. */
export function chartOf(questionnaire: Questionnaire): PathChart {
  const cached = charts.get(questionnaire);
  if (cached) return cached;
  const index = questionIndex(questionnaire);
  const successors = new Map<QuestionId, QuestionId[]>();
  for (const question of questionnaire.questions) {
    successors.set(question.id, [...new Set(nextRules(questionnaire, question).map((r) => r.goto))].filter((g): g is QuestionId => g !== END && index.has(g)));
  }
  const after = reachability(questionnaire.questions.map((q) => q.id), successors);

  const read = new Set<QuestionId>();
  let readsFlags = false;
  const thresholds = new Map<AreaId, number[]>(questionnaire.areas.map((a) => [a, [questionnaire.levels['en-cours'], questionnaire.levels.acquis]]));
  let readsGlobal = false;
  for (const condition of conditionsOf(questionnaire)) {
    visit(condition, (c) => {
      if ('answer' in c) read.add(c.answer);
      else if ('answered' in c) read.add(c.answered);
      else if ('flag' in c) readsFlags = true;
      else if ('score' in c) {
        if (c.score === 'global') readsGlobal = true;
        else thresholds.get(c.score)?.push('atLeast' in c ? c.atLeast : Math.floor(c.atMost) + 1);
      }
    });
  }
  const kept = new Set<QuestionId>(read);
  const flagsSet = new Map<QuestionId, Set<FlagId>>();
  const most = new Map<QuestionId, Map<AreaId, number>>();
  for (const question of questionnaire.questions) {
    const flags = new Set((question.options ?? []).flatMap((o) => o.flags ?? []));
    flagsSet.set(question.id, flags);
    if (flags.size > 0) kept.add(question.id);
    const points = new Map<AreaId, number>();
    for (const area of questionnaire.areas) {
      const m = mostPoints(question, area);
      if (m > 0) points.set(area, m);
    }
    most.set(question.id, points);
    // A question that counts in no area is there for another reason: always asked.
    if (points.size === 0) kept.add(question.id);
  }
  const chart: PathChart = { index, successors, after, kept, read, readsFlags, thresholds, most, flagsSet, skipping: questionnaire.skipSettled === true && !readsGlobal };
  charts.set(questionnaire, chart);
  return chart;
}

/** Whether the skipping rule may ever pass over this question (it still depends on the answers). */
export function mayBeSkipped(questionnaire: Questionnaire, id: QuestionId): boolean {
  const chart = chartOf(questionnaire);
  return chart.skipping && chart.index.has(id) && !chart.kept.has(id);
}

/**
 * What is known at some point of a run: the answers on the path, and the questions whose answer is
 * still open (not on the path, and still reachable). A question neither on the path nor open will
 * never be answered on this path.
 */
export interface Knowledge {
  answers: Answers;
  open: { has(id: QuestionId): boolean; [Symbol.iterator](): Iterator<QuestionId> };
  flags: ReadonlySet<FlagId>;
}

/** A condition's value given what is known: true, false, or undefined when open answers decide. */
export function maybe(condition: Condition, known: Knowledge, chart: PathChart): boolean | undefined {
  if ('all' in condition) {
    let result: boolean | undefined = true;
    for (const c of condition.all) {
      const v = maybe(c, known, chart);
      if (v === false) return false;
      if (v === undefined) result = undefined;
    }
    return result;
  }
  if ('any' in condition) {
    let result: boolean | undefined = false;
    for (const c of condition.any) {
      const v = maybe(c, known, chart);
      if (v === true) return true;
      if (v === undefined) result = undefined;
    }
    return result;
  }
  if ('not' in condition) {
    const v = maybe(condition.not, known, chart);
    return v === undefined ? undefined : !v;
  }
  if ('score' in condition) return undefined;
  if ('flag' in condition) {
    if (known.flags.has(condition.flag)) return true;
    for (const id of known.open) if (chart.flagsSet.get(id)?.has(condition.flag)) return undefined;
    return false;
  }
  const id = 'answer' in condition ? condition.answer : condition.answered;
  if (known.open.has(id)) return undefined;
  // Answered on the path, or never to be answered on it: the condition reads what is there.
  return evaluate(condition, { answers: known.answers, areas: [], scores: new Map(), flags: known.flags });
}

/** The questions a question's rules may lead to, given what is known (END included). */
export function possibleTargets(questionnaire: Questionnaire, id: QuestionId, known: Knowledge, chart = chartOf(questionnaire)): (QuestionId | typeof END)[] {
  const question = chart.index.get(id);
  if (!question) return [END];
  const targets: (QuestionId | typeof END)[] = [];
  for (const rule of nextRules(questionnaire, question)) {
    const holds = rule.if ? maybe(rule.if, known, chart) : true;
    if (holds === false) continue;
    if (!targets.includes(rule.goto)) targets.push(rule.goto);
    if (holds === true) return targets;
  }
  if (!targets.includes(END)) targets.push(END);
  return targets;
}

/** Every question that may still be visited from `from` (itself included), given what is known. */
export function possibleFrom(questionnaire: Questionnaire, from: QuestionId, known: Knowledge, chart = chartOf(questionnaire)): Set<QuestionId> {
  const seen = new Set<QuestionId>([from]);
  const stack = [from];
  while (stack.length) {
    const id = stack.pop() as QuestionId;
    for (const to of possibleTargets(questionnaire, id, known, chart)) {
      if (to === END || seen.has(to)) continue;
      seen.add(to);
      stack.push(to);
    }
  }
  return seen;
}

/** What is known on a path, the answers of `path` counting (those of `open` questions do not). */
export function knowledgeOf(questionnaire: Questionnaire, pathAnswers: Answers, path: readonly QuestionId[], from: QuestionId, chart = chartOf(questionnaire)): Knowledge {
  const onPath = new Set(path);
  const open = new Set<QuestionId>();
  if (!onPath.has(from)) open.add(from);
  for (const id of chart.after.get(from) ?? []) if (!onPath.has(id)) open.add(id);
  return { answers: pathAnswers, open, flags: new Set(flagsOf(questionnaire, pathAnswers)) };
}

const possibleCache = new WeakMap<Questionnaire, Map<string, Set<QuestionId>>>();
/**
 * `possibleFrom` for a question the path has not reached: what is known is the path's answers that
 * rules read, and its flags, so runs that share them share the result (walks ask it thousands of times).
 */
function possibleAfter(questionnaire: Questionnaire, id: QuestionId, pathAnswers: Answers, path: readonly QuestionId[], chart: PathChart): Set<QuestionId> {
  const after = chart.after.get(id);
  const onPath = new Set(path);
  let key = `${id}|`;
  for (const q of chart.read) {
    const open = (q === id || after?.has(q)) && !onPath.has(q);
    if (open) key += `${q}?;`;
    else if (pathAnswers[q] !== undefined) key += `${q}=${JSON.stringify(answerKey(pathAnswers[q]))};`;
  }
  if (chart.readsFlags) key += `|${flagsOf(questionnaire, pathAnswers).join(',')}`;
  let cache = possibleCache.get(questionnaire);
  if (!cache || cache.size > 20_000) possibleCache.set(questionnaire, (cache = new Map()));
  let found = cache.get(key);
  if (!found) cache.set(key, (found = possibleFrom(questionnaire, id, knowledgeOf(questionnaire, pathAnswers, path, id, chart), chart)));
  return found;
}

/** What of an answer conditions can read: its options, or an exercise's outcome. */
function answerKey(answer: Answers[QuestionId]): string | string[] | undefined {
  if (!answer) return undefined;
  if (answer.type === 'choice') return answer.option;
  if (answer.type === 'choices') return answer.options;
  return answer.result.outcome;
}

/**
 * Whether a question's answer can no longer change the result, given the answers on the path: the
 * rule described above. `possible` is the set of questions that may still be visited from it (the
 * step counter passes a wider set it has already computed: the test is then only more careful).
 */
export function isSettled(
  questionnaire: Questionnaire,
  id: QuestionId,
  pathAnswers: Answers,
  path: readonly QuestionId[],
  possible?: ReadonlySet<QuestionId>,
  scores?: () => ReturnType<typeof scoreAreas>,
): boolean {
  const chart = chartOf(questionnaire);
  if (!chart.skipping || chart.kept.has(id) || path.includes(id)) return false;
  const counts = chart.most.get(id);
  if (!counts || counts.size === 0) return false;
  const scored = scores ? scores() : scoreAreas(questionnaire, pathAnswers);
  // Cheap first: an area not measured yet can end anywhere.
  for (const area of counts.keys()) if (!scored.find((a) => a.area === area)?.max) return false;
  const still = possible ?? possibleAfter(questionnaire, id, pathAnswers, path, chart);
  for (const area of counts.keys()) {
    const sofar = scored.find((a) => a.area === area);
    if (!sofar || sofar.max === 0) return false; // not measured yet: anything may happen
    let rest = 0;
    for (const other of still) rest += chart.most.get(other)?.get(area) ?? 0;
    const total = sofar.max + rest;
    const low = Math.round((sofar.points / total) * 100);
    const high = Math.round(((sofar.points + rest) / total) * 100);
    for (const t of chart.thresholds.get(area) ?? []) if (low >= t !== high >= t) return false;
  }
  return true;
}
