// Runs through the real default questionnaire (autonomie-numerique) by answer ids, so the same run
// works in every language: the question's id is read from its heading, each answer from its input's value.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** An exercise done by clicking its answers in turn (data-choice ids), and the outcome that makes. */
export interface ExerciseAnswer {
  choose: string[];
  outcome: 'success' | 'partial' | 'failure';
}
export type PersonaAnswers = Record<string, string | string[] | ExerciseAnswer>;

const isExercise = (given: PersonaAnswers[string] | undefined): given is ExerciseAnswer => typeof given === 'object' && !Array.isArray(given);

/** What is stored for a question: the option ids, or an exercise's outcome. */
export function answerIds(answers: PersonaAnswers, question: string): string[] {
  const given = answers[question];
  if (given === undefined) return [];
  return isExercise(given) ? [given.outcome] : [given].flat();
}

export interface Persona {
  name: string;
  profile: 'faire-pour' | 'decouverte' | 'premiers-pas' | 'presque-autonome' | 'autonome';
  /** The profile's title in French. */
  title: string;
  answers: PersonaAnswers;
}

const S = 'ne-sais-pas-faire';
const FOUND_OFFICIAL: ExerciseAnswer = { choose: ['officiel'], outcome: 'success' };
const FOUND_SCAM: ExerciseAnswer = { choose: ['colis'], outcome: 'success' };

/** From tests/questionnaires/autonomie-numerique-personas.test.ts: one persona for each profile. */
export const PERSONAS: Persona[] = [
  {
    name: 'Marcel',
    profile: 'faire-pour',
    title: 'Être accompagné·e pour vos démarches',
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'non', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non' },
  },
  {
    name: 'Nadia',
    profile: 'decouverte',
    title: 'Découvrir le numérique',
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'oui', 'aide-entourage': 'personne', besoins: ['rien'], urgence: 'non' },
  },
  {
    name: 'Kevin',
    profile: 'premiers-pas',
    title: 'Premiers pas',
    answers: {
      equipement: ['smartphone'], 'utilisation-appareil': 'montrer', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'forfait-mobile', 'exercice-site-officiel': { choose: ['annonce', 'officiel'], outcome: 'partial' },
      'adresse-courriel': 'non', 'appel-video': 'montrer', 'imprimer-scanner': 'non',
      'sms-suspect': 'cliquer', 'exercice-arnaque': { choose: ['rendez-vous', 'famille'], outcome: 'failure' }, 'mots-de-passe': 'le-meme', 'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['rien'], urgence: 'non',
    },
  },
  {
    name: 'Sophie',
    profile: 'presque-autonome',
    title: 'Presque autonome',
    answers: {
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'maison', 'exercice-site-officiel': FOUND_OFFICIAL, 'adresse-courriel': 'oui-seul', 'appel-video': 'seul', 'imprimer-scanner': 'ailleurs',
      'sms-suspect': 'supprimer', 'exercice-arnaque': FOUND_SCAM, 'mots-de-passe': 'differents',
      'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['rien'], urgence: 'non',
    },
  },
  {
    name: 'Léa',
    profile: 'autonome',
    title: 'Autonome',
    answers: {
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'montrer', 'usage-internet': 'montrer', 'demarches-en-ligne': 'montrer',
      connexion: 'maison', 'exercice-site-officiel': FOUND_OFFICIAL, 'adresse-courriel': 'oui-pieces-jointes', 'appel-video': 'montrer',
      'imprimer-scanner': 'chez-moi', 'sms-suspect': 'supprimer', 'exercice-arnaque': FOUND_SCAM, 'mots-de-passe': 'differents',
      'envie-apprendre': 'non', besoins: ['rien'], urgence: 'non',
    },
  },
];

/**
 * The longest branch of autonomie-numerique (17 screens when every exercise is passed): a smartphone
 * and a computer, internet with help, so the basic gestures are checked: the touch, double-click and
 * typing exercises, and the scam. Someone who goes online alone meets the official-site exercise
 * instead (ONLINE_ALONE): no path meets all five.
 */
export const EVERY_EXERCISE: PersonaAnswers = {
  equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'avec-aide', 'demarches-en-ligne': S,
  connexion: 'maison', souris: 'seul', clavier: 'seul', 'installer-application': 'seul',
  'adresse-courriel': 'oui-seul', 'appel-video': 'seul', 'gestes-demarches': ['aucun'], 'imprimer-scanner': 'ailleurs',
  'sms-suspect': 'supprimer', 'mots-de-passe': 'le-meme', 'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['rien'], urgence: 'non',
};

/** Someone who goes online alone with a smartphone and a computer: the official-site exercise, then the scam. */
export const ONLINE_ALONE: PersonaAnswers = {
  ...EVERY_EXERCISE,
  'usage-internet': 'seul',
  'exercice-site-officiel': FOUND_OFFICIAL,
  'exercice-arnaque': FOUND_SCAM,
};

/**
 * Robert, whose result was the longest of the personas of
 * tests/questionnaires/autonomie-numerique-personas.test.ts (ten next steps in version 1; the
 * professional still sees every step, the person at most five).
 */
export const LONGEST_RESULT: Persona = {
  name: 'Robert',
  profile: 'presque-autonome',
  title: 'Presque autonome',
  answers: {
    equipement: ['tablette'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': S,
    connexion: 'maison', 'exercice-site-officiel': { choose: ['annonce', 'officiel'], outcome: 'partial' }, 'adresse-courriel': 'oui-seul',
    'appel-video': 'seul', 'imprimer-scanner': 'non',
    'sms-suspect': 'supprimer', 'exercice-arnaque': FOUND_SCAM, 'mots-de-passe': 'un-proche',
    'envie-apprendre': 'non', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non',
  },
};

export function persona(profile: Persona['profile']): Persona {
  const found = PERSONAS.find((p) => p.profile === profile);
  if (!found) throw new Error(`no persona for ${profile}`);
  return found;
}

/** The start screen's heading: the questionnaire's own title (its locale's `title`). */
export const START_TITLE = 'Votre autonomie numérique';

/** The heading of the screen shown: a question's, or the result's. */
export const screenHeading = (page: Page) => page.locator('h1.question__title, h1.result__title');

/** The id of the question on screen, or 'result'. */
export async function currentStep(page: Page): Promise<string> {
  const heading = screenHeading(page);
  await expect(heading).toHaveCount(1);
  const id = (await heading.getAttribute('id')) ?? '';
  return id === 'result-title' ? 'result' : id.replace(/^q-/, '').replace(/-title$/, '');
}

export const optionInput = (page: Page, question: string, option: string) => page.locator(`input[name="q-${question}"][value="${option}"]`);

/** Selects the persona's answer to the question on screen (leaving ticked what already is); an exercise is done by clicking its answers. */
export async function answer(page: Page, answers: PersonaAnswers, question: string): Promise<string[]> {
  const given = answers[question];
  if (given === undefined) throw new Error(`the persona has no answer to "${question}"`);
  if (isExercise(given)) {
    const exercise = page.locator('.exercise');
    // Back on an exercise already done (after a reload): its result is shown, nothing to do.
    if ((await exercise.getAttribute('data-state')) !== given.outcome) {
      for (const choice of given.choose) await exercise.locator(`[data-choice="${choice}"]`).click();
    }
    await expect(exercise).toHaveAttribute('data-state', given.outcome);
    return [given.outcome];
  }
  const options = [given].flat();
  for (const option of options) {
    const input = optionInput(page, question, option);
    if (!(await input.isChecked())) await page.locator(`label[for="q-${question}-${option}"]`).click();
    await expect(input).toBeChecked();
  }
  return options;
}

/**
 * In a professional run (`.pro-run`): if the question on screen is an exercise, does the persona's
 * answer to it (its answers clicked by the person beside the professional), goes on with Enter
 * and returns true once the next screen is there.
 */
export async function doProExercise(page: Page, answers: PersonaAnswers): Promise<boolean> {
  await expect(page.locator('.pro-run .options input, .pro-run .exercise').first()).toBeVisible();
  const exercise = page.locator('.pro-run .exercise');
  if ((await exercise.count()) === 0) return false;
  const id = (await exercise.getAttribute('data-question')) ?? '';
  const given = answers[id];
  if (!isExercise(given)) throw new Error(`the persona has no answer to the exercise "${id}"`);
  for (const choice of given.choose) await exercise.locator(`[data-choice="${choice}"]`).click();
  await expect(exercise).toHaveAttribute('data-state', given.outcome);
  // Once done, "Continuer" has the focus: Enter goes on.
  await expect(page.locator(`#q-${id}-continue`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator(`.pro-run .exercise[data-question="${id}"]`)).toHaveCount(0);
  return true;
}

/** The heading of the question on screen in a professional run. */
export const proHeading = (page: Page) => page.locator('.pro-run h1.question__title');

/** The values of the answers on screen in a professional run, in their order (digit 1 is the first). */
export function proOptionValues(page: Page, question: string): Promise<string[]> {
  return page.locator(`.pro-run input[name="q-${question}"]`).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

/** Where the focus is: never the page's body, always something a person can see and use. */
export async function expectMeaningfulFocus(page: Page, after: string): Promise<void> {
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active === document.documentElement) return 'body';
    const box = active.getBoundingClientRect();
    return box.width > 0 && box.height > 0 ? `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}` : `hidden ${active.tagName.toLowerCase()}`;
  });
  expect(focused, `the focus after ${after}`).not.toMatch(/^(body|hidden)/);
}

/** "Suivant" or "Voir mon résultat", in any language; waits until the next screen is there. */
export async function goOn(page: Page, question: string): Promise<void> {
  await page.locator('.question__actions button[type="submit"]').click();
  await expect(screenHeading(page)).not.toHaveAttribute('id', `q-${question}-title`);
}

/**
 * Answers every question from where the run stands to the result. `onStep` runs on each question
 * once it is answered, before going on (a reload, a screenshot, a check).
 */
export async function runThrough(page: Page, answers: PersonaAnswers, onStep?: (question: string, index: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    const question = await currentStep(page);
    if (question === 'result') return seen;
    seen.push(question);
    await answer(page, answers, question);
    await onStep?.(question, i);
    await goOn(page, question);
  }
  throw new Error('the run never reached a result');
}

/** From the start screen: "Commencer", then every question to the result. */
export async function startAndRun(page: Page, answers: PersonaAnswers, onStep?: (question: string, index: number) => Promise<void>): Promise<string[]> {
  await page.locator('.start__begin').click();
  return runThrough(page, answers, onStep);
}

/** The questionnaire as served, with one exercise changed (the kinds the default questionnaire does not use). */
export function withExercise(page: Page, id: string, exercise: Record<string, unknown>): Promise<void> {
  return withExercises(page, { [id]: exercise });
}

/** The questionnaire as served, with several exercises changed at once. */
export async function withExercises(page: Page, changes: Record<string, Record<string, unknown>>): Promise<void> {
  await page.route('**/questionnaires/autonomie-numerique/questionnaire.json*', async (route) => {
    const response = await route.fetch();
    const structure = (await response.json()) as { questions: { id: string; exercise?: unknown }[] };
    for (const question of structure.questions) if (changes[question.id]) question.exercise = changes[question.id];
    await route.fulfill({ response, json: structure });
  });
}

/** How many sessions Repères's database holds (runs and results); 0 when it does not exist. */
export function storedSessions(page: Page): Promise<number> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'reperes')) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reperes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = (name: string) =>
      new Promise<number>((resolve, reject) => {
        if (!db.objectStoreNames.contains(name)) return resolve(0);
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const total = (await count('runs')) + (await count('results'));
    db.close();
    return total;
  });
}
