// Checks generated for every questionnaire folder: a new questionnaire is covered without new test code.
// A fast loop: the walks here are bounded, with fixed seeds; the exhaustive walk over every
// combination of answers (every profile reachable, no dead end) and the long walks over each
// compiled machine are `npm run validate`'s (scripts/walk-machines.ts), which CI runs.
import fc from 'fast-check';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getInitialSnapshot, transition } from 'xstate';
import {
  answerEvents,
  createQuestionnaireMachine,
  END,
  expectedPath,
  explore,
  loadQuestionnaire,
  outcomeOf,
  possibleAnswers,
  RESULT_STATE,
  type LocaleTree,
  type QuestionnaireEvent,
  whereNext,
} from '../../src/core/index.ts';
import { questionnaireFolders, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';

const RANDOM_WALKS = 300;

function text(tree: LocaleTree, key: string): string | undefined {
  let node: LocaleTree | string | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

for (const folder of questionnaireFolders()) {
  describe(`questionnaire ${basename(folder)}`, () => {
    const source = readQuestionnaireFolder(folder);
    const result = loadQuestionnaire(source, { reachability: false });

    it('is valid, with no warning', () => {
      expect(result.ok ? result.warnings : result.problems).toEqual([]);
      expect(result.ok).toBe(true);
    });
    if (!result.ok) return;
    const { questionnaire: q, locales } = result.loaded;
    const machine = createQuestionnaireMachine(q);
    const index = new Map(q.questions.map((x) => [x.id as string, x]));

    it(`ends every one of ${RANDOM_WALKS} random answer walks in exactly one declared profile, the machine going where whereNext and the step counter say`, () => {
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
            } else {
              // The machine, the step counter and whereNext cannot disagree: they ask the same function.
              const expected = whereNext(q, snapshot.context);
              const before = snapshot.value;
              [snapshot] = transition(machine, snapshot, { type: 'nav.next' });
              expect(snapshot.value).toBe(expected === undefined ? before : expected === END ? RESULT_STATE : expected);
            }
          }
          expect(snapshot.value).toBe(RESULT_STATE);
          expect(expectedPath(q, snapshot.context.answers, [q.start])).toEqual(snapshot.context.path);
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

    it('reaches every profile with some answers (a bounded sample; the validator walks them all)', () => {
      const exploration = explore(q, { maxWalks: 2_000, randomWalks: 2_000, seed: 20261202 });
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
