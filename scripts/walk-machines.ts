// npm run validate, second part: the exhaustive walks over each questionnaire's compiled machine,
// too long for the tests' fast loop (which runs a bounded sample with a fixed seed).
//  1. xstate/graph walks the machine to every question and to the result (shortest paths);
//  2. a thousand random answer walks (WALKS=…; 5,000 took 8 minutes on a busy host with 2.0's
//     skipSettled), going back now and then, check at every step that the machine goes where
//     `whereNext` says, that the step counter's projection starts with the path taken, and that
//     every walk ends in exactly one declared profile.
// Prints what it walked; exit 1 on any disagreement.
import { basename } from 'node:path';
import { getInitialSnapshot, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  answersOnPath,
  answerEvents,
  createQuestionnaireMachine,
  END,
  evaluationFor,
  expectedPath,
  loadQuestionnaire,
  outcomeOf,
  possibleAnswers,
  RESULT_STATE,
  seededRandom,
  whereNext,
  type Condition,
  type Questionnaire,
  type QuestionnaireEvent,
} from '../src/core/index.ts';
import { questionnaireFolders, readQuestionnaireFolder } from './questionnaire-files.ts';

const WALKS = Number(process.env.WALKS ?? 1_000);
const MAX_STATES = Number(process.env.MAX_STATES ?? 100_000);

/** The questions, areas and flags that branching conditions read. */
function inputsOfBranches(q: Questionnaire) {
  const found = { questions: new Set<string>(), scores: new Set<string>(), flags: new Set<string>() };
  const visit = (c: Condition | undefined): void => {
    if (!c) return;
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if ('answer' in c) found.questions.add(c.answer);
    else if ('answered' in c) found.questions.add(c.answered);
    else if ('score' in c) found.scores.add(c.score);
    else if ('flag' in c) found.flags.add(c.flag);
  };
  for (const question of q.questions) if (Array.isArray(question.next)) question.next.forEach((r) => visit(r.if));
  return found;
}

/** The states xstate/graph reaches: only answers a branch reads are tried every way, the others once. */
function graphWalk(q: Questionnaire): string[] {
  const machine = createQuestionnaireMachine(q);
  const index = new Map(q.questions.map((x) => [x.id as string, x]));
  const inputs = inputsOfBranches(q);
  // The walk's aim is every question and the result reached: once they all are, no state is
  // expanded further (with skipSettled the states multiply with the scores: 2.0 has hundreds of
  // thousands). A walk that has not reached them all after MAX_STATES says so.
  const wanted = new Set([...index.keys(), RESULT_STATE]);
  const seen = new Set<string>();
  let expanded = 0;
  const paths = getShortestPaths(machine, {
    events: (snapshot) => {
      seen.add(String(snapshot.value));
      if (seen.size === wanted.size || ++expanded > MAX_STATES) return [];
      const question = index.get(String(snapshot.value));
      const nextEvent: QuestionnaireEvent = { type: 'nav.next' };
      if (!question) return [nextEvent];
      const answers = possibleAnswers(question);
      if (inputs.questions.has(question.id)) {
        const toggles = question.kind === 'multiple' ? (question.options ?? []).map((o): QuestionnaireEvent => ({ type: 'answer.select', option: o.id })) : answers.flatMap(answerEvents);
        return [...toggles, nextEvent];
      }
      const first = answers[0];
      const answered = snapshot.context.answers[question.id] !== undefined;
      return [...(first && !answered ? answerEvents(first) : []), nextEvent];
    },
    serializeState: (snapshot) => {
      const path = snapshot.context.path.map(String);
      const decisive = [...inputs.questions].filter((id) => path.includes(id)).map((id) => snapshot.context.answers[id as never] ?? null);
      let context: unknown[] = [];
      if (inputs.scores.size || inputs.flags.size) {
        const env = evaluationFor(q, answersOnPath(snapshot.context.answers, snapshot.context.path));
        context = [[...inputs.scores].map((area) => env.scores.get(area as never)), [...inputs.flags].filter((f) => env.flags.has(f as never))];
      }
      return JSON.stringify([snapshot.value, snapshot.context.answers[String(snapshot.value) as never] ?? null, decisive, context]);
    },
  });
  const reached = new Set(paths.map((p) => String(p.state.value)));
  const unreached = [...wanted].filter((id) => !reached.has(id));
  if (unreached.length && expanded > MAX_STATES) unreached.push(`(walk stopped after ${MAX_STATES} states; MAX_STATES=… to go further)`);
  return unreached;
}

/** Random walks checking the machine against whereNext and the step counter; the disagreements found. */
function randomWalks(q: Questionnaire, walks: number, seed: number): string[] {
  const machine = createQuestionnaireMachine(q);
  const index = new Map(q.questions.map((x) => [x.id as string, x]));
  const random = seededRandom(seed);
  const problems: string[] = [];
  const longest = q.questions.length;
  for (let walk = 0; walk < walks && problems.length < 5; walk++) {
    let snapshot = getInitialSnapshot(machine);
    let backs = 0;
    for (let step = 0; step < 3 * longest && snapshot.value !== RESULT_STATE; step++) {
      const question = index.get(String(snapshot.value));
      if (!question) {
        problems.push(`walk ${walk}: unknown state ${String(snapshot.value)}`);
        break;
      }
      const choices = possibleAnswers(question);
      const answer = choices[Math.floor(random() * choices.length)];
      if (answer && snapshot.context.answers[question.id] === undefined) for (const event of answerEvents(answer)) [snapshot] = transition(machine, snapshot, event);
      if (backs < 2 && random() < 0.1 && snapshot.context.path.length > 1) {
        backs++;
        [snapshot] = transition(machine, snapshot, { type: 'nav.back' });
        continue;
      }
      const expected = whereNext(q, snapshot.context);
      const projected = expectedPath(q, snapshot.context.answers, snapshot.context.path);
      if (projected.slice(0, snapshot.context.path.length).join() !== snapshot.context.path.join()) problems.push(`walk ${walk}: the step counter's projection does not start with the path`);
      if (expected !== undefined && expected !== END && projected[snapshot.context.path.length] !== expected) problems.push(`walk ${walk}: the step counter goes to ${projected[snapshot.context.path.length]}, whereNext to ${expected}`);
      const before = snapshot.value;
      [snapshot] = transition(machine, snapshot, { type: 'nav.next' });
      const wanted = expected === undefined ? before : expected === END ? RESULT_STATE : expected;
      if (snapshot.value !== wanted) problems.push(`walk ${walk}: the machine went to ${String(snapshot.value)}, whereNext said ${String(wanted)}`);
    }
    if (snapshot.value !== RESULT_STATE) {
      problems.push(`walk ${walk}: no result after ${3 * longest} steps (${snapshot.context.path.join(' → ')})`);
      continue;
    }
    const outcome = outcomeOf(q, snapshot.context.answers, snapshot.context.path);
    if (!q.profiles.includes(outcome.profile)) problems.push(`walk ${walk}: undeclared profile ${outcome.profile}`);
    if (expectedPath(q, snapshot.context.answers, [q.start]).join() !== snapshot.context.path.join()) problems.push(`walk ${walk}: the projection from the start is not the path walked`);
  }
  return problems;
}

let failed = false;
for (const folder of process.argv.slice(2).length ? process.argv.slice(2) : questionnaireFolders()) {
  const result = loadQuestionnaire(readQuestionnaireFolder(folder), { reachability: false });
  if (!result.ok) continue; // the validator has said why
  const q = result.loaded.questionnaire;
  const started = performance.now();
  const unreached = graphWalk(q);
  const disagreements = randomWalks(q, WALKS, 20261202);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (unreached.length || disagreements.length) {
    failed = true;
    if (unreached.length) console.error(`${basename(folder)}: the machine never reaches ${unreached.join(', ')}`);
    for (const d of disagreements) console.error(`${basename(folder)}: ${d}`);
  } else console.log(`${basename(folder)}: the machine reaches its ${q.questions.length} questions and the result; ${WALKS} random walks agree with whereNext and the step counter (${seconds} s)`);
}
process.exit(failed ? 1 : 0);
