// Honest progress: "Étape X sur au plus Y", where Y is the longest path still possible from here,
// and the duration a questionnaire announces, from its shortest to its longest possible path.
// Both read the same chart as the branching (navigation.ts), so they cannot promise a path that
// the machine would not take.
import { possibleAnswers } from './possible-answers.ts';
import { END, chartOf, isSettled, knowledgeOf, mayBeSkipped, nextRules, possibleFrom, possibleTargets, type Knowledge } from './navigation.ts';
import { answersOnPath, evaluate, flagsOf } from './scoring.ts';
import type { Answer, Answers, Condition, FirstStep, Question, QuestionId, Questionnaire } from './types.ts';

/** Where a run stands: step `current`, and between `atLeast` and `atMost` steps in all. */
export interface StepBounds {
  current: number;
  atLeast: number;
  atMost: number;
}

/** Seconds a screen takes, by kind: for a duration announced before the first question. */
export const SECONDS_PER_SCREEN: Record<Question['kind'], number> = {
  single: 30,
  multiple: 30,
  'yes-no': 30,
  scale: 30,
  info: 20,
  exercise: 60,
};

/** For each question a branching rule reads, one answer per way the rules can tell answers apart. */
interface Routes {
  /** Representative answers of each question a rule of `next` reads. */
  classes: Map<QuestionId, Answer[]>;
  /** The conditions on answers that still matter from a question on: in its rules or later ones. */
  ahead: (id: QuestionId) => readonly Condition[];
  /** For each question a rule reads, the distinct conditions on its answer: a number, the condition, the questions whose rules hold it. */
  atomsOn: Map<QuestionId, { number: number; atom: Condition; readers: QuestionId[] }[]>;
  /** Whether a rule of `next` reads a flag: flags, which any answer may set, then steer the routes. */
  flagsSteer: boolean;
}

/** The atomic conditions of a condition. */
function atoms(condition: Condition, out: Condition[] = []): Condition[] {
  if ('all' in condition) condition.all.forEach((c) => atoms(c, out));
  else if ('any' in condition) condition.any.forEach((c) => atoms(c, out));
  else if ('not' in condition) atoms(condition.not, out);
  else out.push(condition);
  return out;
}

/** The question an atomic condition on answers reads. */
const readOf = (atom: Condition): QuestionId => ('answer' in atom ? atom.answer : 'answered' in atom ? atom.answered : ('' as QuestionId));

/** More ways than this to answer one question, and the routes treat its answer as unknown (still sound, only wider). */
const MOST_CLASSES = 64;

const routesCache = new WeakMap<Questionnaire, Routes>();
function routesOf(questionnaire: Questionnaire): Routes {
  const cached = routesCache.get(questionnaire);
  if (cached) return cached;
  const chart = chartOf(questionnaire);
  const byQuestion = new Map<QuestionId, Condition[]>();
  // The atoms each question's rules read, numbered once per distinct condition (equal text, one number).
  const readBy = new Map<QuestionId, number[]>();
  const numbers = new Map<string, number>();
  const distinct: Condition[] = [];
  const atomsOn: Routes['atomsOn'] = new Map();
  let flagsSteer = false;
  for (const question of questionnaire.questions) {
    const read = new Set<number>();
    for (const rule of nextRules(questionnaire, question)) {
      if (!rule.if) continue;
      if (atoms(rule.if).some((atom) => 'flag' in atom)) flagsSteer = true;
      for (const atom of atoms(rule.if)) {
        const id = 'answer' in atom ? atom.answer : 'answered' in atom ? atom.answered : undefined;
        if (id === undefined) continue;
        const text = JSON.stringify(atom);
        let number = numbers.get(text);
        if (number === undefined) {
          numbers.set(text, (number = distinct.length));
          distinct.push(atom);
          const on = atomsOn.get(id) ?? [];
          on.push({ number, atom, readers: [] });
          atomsOn.set(id, on);
        }
        if (!read.has(number)) atomsOn.get(id)?.find((a) => a.number === number)?.readers.push(question.id);
        read.add(number);
        const list = byQuestion.get(id) ?? [];
        list.push(atom);
        byQuestion.set(id, list);
      }
    }
    if (read.size) readBy.set(question.id, [...read]);
  }
  const classes = new Map<QuestionId, Answer[]>();
  for (const [id, conditions] of byQuestion) {
    const question = chart.index.get(id);
    if (!question) continue;
    let candidates: Answer[];
    if (question.kind === 'multiple') {
      const options = (question.options ?? []).map((o) => o.id);
      const referenced = [...new Set(conditions.flatMap((c) => ('includes' in c ? [c.includes] : [])))].filter((o) => options.includes(o));
      if (2 ** referenced.length > MOST_CLASSES) continue;
      const other = options.find((o) => !referenced.includes(o));
      candidates = [];
      for (let mask = 0; mask < 2 ** referenced.length; mask++) {
        const picked = referenced.filter((_, i) => mask & (2 ** i));
        if (picked.length) candidates.push({ type: 'choices', options: picked });
        else if (other !== undefined) candidates.push({ type: 'choices', options: [other] });
      }
    } else {
      candidates = possibleAnswers(question);
    }
    const seen = new Set<string>();
    const kept: Answer[] = [];
    for (const answer of candidates) {
      const env = { answers: { [id]: answer } as Answers, areas: [], scores: new Map(), flags: new Set<never>() };
      const signature = conditions.map((c) => (evaluate(c, env) ? 1 : 0)).join('');
      if (!seen.has(signature)) {
        seen.add(signature);
        kept.push(answer);
      }
    }
    classes.set(id, kept);
  }
  // Asked only for the questions a route reaches with an answer assumed: computed then, once.
  const aheadOf = new Map<QuestionId, Condition[]>();
  const ahead = (id: QuestionId): readonly Condition[] => {
    let found = aheadOf.get(id);
    if (found) return found;
    const after = chart.after.get(id);
    const matters = new Set<number>();
    for (const [reader, read] of readBy) if (reader === id || after?.has(reader)) for (const number of read) matters.add(number);
    found = [...matters].map((number) => distinct[number] as Condition).filter((atom) => classes.has(readOf(atom)));
    aheadOf.set(id, found);
    return found;
  };
  const routes = { classes, ahead, atomsOn, flagsSteer };
  routesCache.set(questionnaire, routes);
  return routes;
}

/**
 * The shortest and longest possible rest of the path from `from` (itself included), given what is
 * known. The rest is walked route by route: where a rule reads an answer still to come, each way
 * of answering that the rules tell apart is tried, so two branches that exclude each other are
 * never counted on one path. Each question is weighed by `weigh`; the skipping rule counts where it
 * is already sure (for the longest) or where it could pass over a question (for the shortest).
 */
function spans(questionnaire: Questionnaire, from: QuestionId, known: Knowledge, knownPath: readonly QuestionId[], weigh: (question: Question) => number): { shortest: number; longest: number } {
  const chart = chartOf(questionnaire);
  const { classes, ahead, atomsOn, flagsSteer } = routesOf(questionnaire);
  const possible = possibleFrom(questionnaire, from, known, chart);
  const settled = new Map<QuestionId, boolean>();
  const surelySkipped = (id: QuestionId) => {
    let value = settled.get(id);
    if (value === undefined) settled.set(id, (value = id !== from && isSettled(questionnaire, id, known.answers, knownPath, possible)));
    return value;
  };
  const memo = new Map<string, Span>();
  const open = (id: QuestionId, assumed: ReadonlyMap<QuestionId, Answer>) => known.open.has(id) && !assumed.has(id);

  // `visit` and `rest` call each other once per question on the path: written as generators that
  // yield the call they need and receive its result (see `drive`), so a path of thousands of
  // questions takes no call stack.
  /** Whether a condition ahead of `id` (in its rules or later ones) reads this question's answer. */
  const readAhead = (question: QuestionId, id: QuestionId) => {
    const after = chart.after.get(id);
    return atomsOn.get(question)?.some((a) => a.readers.some((reader) => reader === id || after?.has(reader) === true)) === true;
  };
  // Unless flags steer the routes, an assumed answer that no condition ahead reads can change nothing
  // ahead: the route forgets it (so the assumptions stay few, however long the path).
  const relevant = (id: QuestionId, assumed: ReadonlyMap<QuestionId, Answer>): ReadonlyMap<QuestionId, Answer> => {
    if (flagsSteer || assumed.size === 0) return assumed;
    let kept: Map<QuestionId, Answer> | undefined;
    for (const question of assumed.keys()) {
      if (readAhead(question, id)) continue;
      kept ??= new Map(assumed);
      kept.delete(question);
    }
    return kept ?? assumed;
  };

  function* visit(id: QuestionId, given: ReadonlyMap<QuestionId, Answer>, depth: number): Frame {
    const assumed = relevant(id, given);
    const ways = classes.get(id);
    if (!ways || !open(id, assumed)) return yield rest(id, assumed, depth);
    let shortest = Infinity;
    let longest = 0;
    for (const answer of ways) {
      const span = yield rest(id, new Map([...assumed, [id, answer]]), depth);
      shortest = Math.min(shortest, span.shortest);
      longest = Math.max(longest, span.longest);
    }
    return { shortest, longest };
  }

  function* rest(id: QuestionId, assumed: ReadonlyMap<QuestionId, Answer>, depth: number): Frame {
    // Routes that agree on every condition still ahead have the same rest.
    let key = `${id}|`;
    if (assumed.size && flagsSteer) {
      const env = { answers: Object.fromEntries(assumed) as Answers, areas: [], scores: new Map(), flags: new Set<never>() };
      for (const atom of ahead(id)) key += assumed.has(readOf(atom)) ? (evaluate(atom, env) ? '1' : '0') : '?';
    } else if (assumed.size) {
      // The same routes as above, told apart by the conditions ahead on assumed answers only (by number).
      const env = { answers: Object.fromEntries(assumed) as Answers, areas: [], scores: new Map(), flags: new Set<never>() };
      const after = chart.after.get(id);
      const values: [number, string][] = [];
      for (const question of assumed.keys()) {
        for (const { number, atom, readers } of atomsOn.get(question) ?? []) {
          if (readers.some((reader) => reader === id || after?.has(reader) === true)) values.push([number, evaluate(atom, env) ? '1' : '0']);
        }
      }
      values.sort((a, b) => a[0] - b[0]);
      for (const [number, value] of values) key += `${number}${value},`;
    }
    const done = memo.get(key);
    if (done) return done;
    const question = chart.index.get(id);
    const weight = question ? weigh(question) : 0;
    let shortest = Infinity;
    let longest = 0;
    if (depth <= questionnaire.questions.length) {
      // Flags are read from every answer; otherwise rules read answers one by one, and the assumed
      // ones can lie over the known ones without a copy of them.
      const answers = !assumed.size ? known.answers : flagsSteer ? { ...known.answers, ...Object.fromEntries(assumed) } : (Object.assign(Object.create(known.answers) as Answers, Object.fromEntries(assumed)) as Answers);
      // Still to be answered on this route: not assumed, and either ahead of this question or read by
      // no rule (a question a rule reads was given an answer when the route went through it).
      const after = chart.after.get(id);
      const stillOpen = (q: QuestionId) => known.open.has(q) && !assumed.has(q) && (q === id || after?.has(q) === true || !classes.has(q));
      const situation: Knowledge = {
        answers,
        open: { has: stillOpen, *[Symbol.iterator]() { for (const q of known.open) if (stillOpen(q)) yield q; } },
        flags: assumed.size && flagsSteer ? new Set([...known.flags, ...flagsOf(questionnaire, answers)]) : known.flags,
      };
      for (const to of possibleTargets(questionnaire, id, situation, chart)) {
        const after = to === END ? { shortest: 0, longest: 0 } : yield visit(to, assumed, depth + 1);
        shortest = Math.min(shortest, after.shortest);
        longest = Math.max(longest, after.longest);
      }
    }
    const maybeSkipped = id !== from && mayBeSkipped(questionnaire, id);
    const result = { shortest: (maybeSkipped ? 0 : weight) + (shortest === Infinity ? 0 : shortest), longest: (surelySkipped(id) ? 0 : weight) + longest };
    memo.set(key, result);
    return result;
  }
  return drive(visit(from, new Map(), 0));
}

type Span = { shortest: number; longest: number };
/** A computation that yields the computations it needs and receives their results. */
type Frame = Generator<Frame, Span, Span>;

/** Runs a frame and the frames it asks for on a stack of its own (an array), not the call stack. */
function drive(root: Frame): Span {
  const stack: Frame[] = [root];
  let received: Span = { shortest: 0, longest: 0 }; // a frame's first `next` ignores what it is passed
  for (;;) {
    const step = (stack[stack.length - 1] as Frame).next(received);
    if (!step.done) {
      stack.push(step.value);
      continue;
    }
    stack.pop();
    if (stack.length === 0) return step.value;
    received = step.value;
  }
}

/**
 * "Étape X sur Y": X is the step on screen, Y the most steps the path can still have, computed
 * without the answer on screen (so that ticking an answer never changes it) and with everything
 * answered before. Going forward only adds what is known, so Y never grows and the bar never goes
 * back; `atLeast` equals `atMost` once the rest of the path is certain.
 */
export function stepBounds(questionnaire: Questionnaire, answers: Answers, path: readonly QuestionId[]): StepBounds {
  const current = path.at(-1);
  if (current === undefined) return { current: 0, atLeast: 0, atMost: 0 };
  const before = path.slice(0, -1);
  const pathAnswers = answersOnPath(answers, before);
  const cache = boundsCacheOf(questionnaire);
  const key = boundsKey(path, pathAnswers);
  const cached = cache.get(key);
  if (cached) return cached;
  const known = knowledgeOf(questionnaire, pathAnswers, before, current);
  const { shortest, longest } = spans(questionnaire, current, known, before, () => 1);
  const bounds = { current: path.length, atLeast: before.length + shortest, atMost: before.length + longest };
  cache.set(key, bounds);
  return bounds;
}

// Every run starts the same way: the first screens are computed once per questionnaire.
const boundsCache = new WeakMap<Questionnaire, Map<string, StepBounds>>();
const boundsKey = (path: readonly QuestionId[], pathAnswers: Answers) => `${path.join(',')}|${JSON.stringify(pathAnswers)}`;
function boundsCacheOf(questionnaire: Questionnaire): Map<string, StepBounds> {
  let cache = boundsCache.get(questionnaire);
  if (!cache || cache.size > 200) boundsCache.set(questionnaire, (cache = new Map()));
  return cache;
}

/** The first screen's bounds (the build writes them into questionnaires/index.json: CheckedFiles.firstStep). */
export function firstStepOf(questionnaire: Questionnaire): FirstStep {
  const { atLeast, atMost } = stepBounds(questionnaire, {}, [questionnaire.start]);
  return { atLeast, atMost };
}

/**
 * Takes the first screen's bounds as the build computed them on these very files (the browser's fast
 * path, checked.ts, gives them only where every file is the one the build checked): « Étape 1 sur Y »
 * then shows without the walk over the whole questionnaire, the longest of a run.
 */
export function knownFirstStep(questionnaire: Questionnaire, { atLeast, atMost }: FirstStep): void {
  const path = [questionnaire.start];
  const cache = boundsCacheOf(questionnaire);
  const key = boundsKey(path, {});
  if (!cache.has(key)) cache.set(key, { current: 1, atLeast, atMost });
}

/** The duration a questionnaire announces on its start screen, in whole minutes, from its shortest to its longest path. */
export function durationRange(questionnaire: Questionnaire): { min: number; max: number } {
  const start = questionnaire.start;
  const known = knowledgeOf(questionnaire, {}, [], start);
  const { shortest, longest } = spans(questionnaire, start, known, [], (q) => SECONDS_PER_SCREEN[q.kind]);
  const min = Math.max(1, Math.floor(shortest / 60));
  return { min, max: Math.max(min, Math.ceil(longest / 60)) };
}

/** The seconds a path takes at the pace `durationRange` assumes. */
export function pathSeconds(questionnaire: Questionnaire, path: readonly QuestionId[]): number {
  const index = chartOf(questionnaire).index;
  return path.reduce((sum, id) => sum + SECONDS_PER_SCREEN[index.get(id)?.kind ?? 'single'], 0);
}
