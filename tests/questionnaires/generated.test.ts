// Checks generated for every questionnaire folder: a new questionnaire is covered without new test code.
import fc from 'fast-check';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getInitialSnapshot, transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  answersOnPath,
  createQuestionnaireMachine,
  evaluationFor,
  explore,
  loadQuestionnaire,
  outcomeOf,
  possibleAnswers,
  RESULT_STATE,
  type Answer,
  type Condition,
  type LocaleTree,
  type QuestionnaireEvent,
} from '../../src/core/index.ts';
import { questionnaireFolders, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';

const RANDOM_WALKS = 10_000;

/** The events that give one answer: a select per ticked option, or the exercise's result. */
function answerEvents(answer: Answer): QuestionnaireEvent[] {
  if (answer.type === 'choice') return [{ type: 'answer.select', option: answer.option }];
  if (answer.type === 'choices') return answer.options.map((option) => ({ type: 'answer.select', option }));
  return [{ type: 'exercise.done', result: answer.result }];
}

/** The questions, areas and flags that branching conditions read. */
function inputsOfBranches(conditions: (Condition | undefined)[]) {
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
  conditions.forEach(visit);
  return found;
}

function text(tree: LocaleTree, key: string): string | undefined {
  let node: LocaleTree | string | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

for (const folder of questionnaireFolders()) {
  describe(`questionnaire ${basename(folder)}`, () => {
    const source = readQuestionnaireFolder(folder);
    const result = loadQuestionnaire(source);

    it('is valid, with no warning', () => {
      expect(result.ok ? result.warnings : result.problems).toEqual([]);
      expect(result.ok).toBe(true);
    });
    if (!result.ok) return;
    const { questionnaire: q, locales } = result.loaded;
    const machine = createQuestionnaireMachine(q);
    const index = new Map(q.questions.map((x) => [x.id as string, x]));

    const branchInputs = inputsOfBranches(q.questions.flatMap((question) => (Array.isArray(question.next) ? question.next.map((r) => r.if) : [])));

    it('reaches every question and the result, walking the machine with xstate/graph', () => {
      // Only answers that a branch reads can change where the path goes: those questions are tried with
      // every answer and kept apart in the state key; any other question is answered once and moved on.
      const paths = getShortestPaths(machine, {
        events: (snapshot) => {
          const question = index.get(String(snapshot.value));
          const nextEvent: QuestionnaireEvent = { type: 'nav.next' };
          if (!question) return [nextEvent];
          const answers = possibleAnswers(question);
          if (branchInputs.questions.has(question.id)) {
            const toggles = question.kind === 'multiple' ? (question.options ?? []).map((o): QuestionnaireEvent => ({ type: 'answer.select', option: o.id })) : answers.flatMap(answerEvents);
            return [...toggles, nextEvent];
          }
          const first = answers[0];
          const answered = snapshot.context.answers[question.id] !== undefined;
          return [...(first && !answered ? answerEvents(first) : []), nextEvent];
        },
        serializeState: (snapshot) => {
          const path = snapshot.context.path.map(String);
          const decisive = [...branchInputs.questions].filter((id) => path.includes(id)).map((id) => snapshot.context.answers[id as never] ?? null);
          let context: unknown[] = [];
          if (branchInputs.scores.size || branchInputs.flags.size) {
            const env = evaluationFor(q, answersOnPath(snapshot.context.answers, snapshot.context.path));
            context = [[...branchInputs.scores].map((area) => env.scores.get(area as never)), [...branchInputs.flags].filter((f) => env.flags.has(f as never))];
          }
          return JSON.stringify([snapshot.value, snapshot.context.answers[String(snapshot.value) as never] ?? null, decisive, context]);
        },
      });
      const reached = new Set(paths.map((p) => String(p.state.value)));
      expect([...index.keys(), RESULT_STATE].filter((id) => !reached.has(id))).toEqual([]);
    }, 120_000);

    it(`ends every one of ${RANDOM_WALKS} random answer walks in exactly one declared profile`, () => {
      const longest = q.questions.length;
      fc.assert(
        fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: longest, maxLength: longest }), fc.boolean(), (picks, wander) => {
          let snapshot = getInitialSnapshot(machine);
          let backs = 0;
          for (let step = 0; step < 3 * longest && snapshot.value !== RESULT_STATE; step++) {
            const question = index.get(String(snapshot.value));
            if (!question) throw new Error(`unknown state ${String(snapshot.value)}`);
            const choices = possibleAnswers(question);
            const pick = picks[step % longest] ?? 0;
            const answer = choices[pick % Math.max(1, choices.length)];
            // A question met again after going back keeps its answer; a new one gets the drawn answer.
            const kept = snapshot.context.answers[question.id] !== undefined;
            for (const event of answer && !kept ? answerEvents(answer) : []) [snapshot] = transition(machine, snapshot, event);
            // Now and then go back one step, as people do, then go on.
            if (wander && backs < 2 && pick % 7 === 0 && snapshot.context.path.length > 1) {
              backs++;
              [snapshot] = transition(machine, snapshot, { type: 'nav.back' });
            } else [snapshot] = transition(machine, snapshot, { type: 'nav.next' });
          }
          expect(snapshot.value).toBe(RESULT_STATE);
          const outcome = outcomeOf(q, snapshot.context.answers, snapshot.context.path);
          expect(q.profiles).toContain(outcome.profile);
          expect(new Set(outcome.steps).size).toBe(outcome.steps.length);
          for (const area of outcome.areas) if (area.score !== null) expect(area.score).toBeGreaterThanOrEqual(0), expect(area.score).toBeLessThanOrEqual(100);
        }),
        { numRuns: RANDOM_WALKS, seed: 20261123 },
      );
    }, 120_000);

    it('lets "none of these" and "rather not say" stand alone in every multiple-choice question', () => {
      const alone = /^(aucun|aucune|rien|ne-sais-pas|prefere-ne-pas-repondre)$/;
      const notAlone = q.questions
        .filter((x) => x.kind === 'multiple')
        .flatMap((x) => (x.options ?? []).filter((o) => alone.test(o.id) && !o.exclusive).map((o) => `${x.id}.${o.id}`));
      expect(notAlone, 'options to mark "exclusive": true').toEqual([]);
    });

    it('reaches every profile with some answers', () => {
      const exploration = explore(q, { maxWalks: 50_000, randomWalks: 20_000 });
      expect(exploration.runaway).toBe(0);
      expect(q.profiles.filter((p) => !exploration.profiles.has(p))).toEqual([]);
    }, 120_000);

    it('has every text the screens show, in every language it declares', () => {
      const missing: string[] = [];
      for (const language of q.languages) {
        const tree = locales[language];
        if (!tree) {
          missing.push(`${language}: whole file`);
          continue;
        }
        const keys = ['title', 'intro', ...q.areas.map((a) => `areas.${a}.label`), ...q.profiles.flatMap((p) => [`profiles.${p}.title`, `profiles.${p}.description`, `profiles.${p}.professional`])];
        keys.push(...q.recommendations.steps.flatMap((s) => [`steps.${s.id}.title`, `steps.${s.id}.text`]));
        for (const question of q.questions) {
          keys.push(`questions.${question.id}.text`, ...(question.options ?? []).map((o) => `questions.${question.id}.options.${o.id}`));
          for (const name of [question.pictogram, ...(question.options ?? []).map((o) => o.pictogram)]) if (name) keys.push(`pictograms.${name}`);
        }
        for (const key of keys) if (!text(tree, key)?.trim()) missing.push(`${language}: ${key}`);
      }
      expect(missing).toEqual([]);
    });
  });
}
