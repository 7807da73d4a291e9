// Runs through the real default questionnaire (autonomie-numerique) by answer ids, so the same run
// works in every language: the question's id is read from its heading, each answer from its input's value.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export type PersonaAnswers = Record<string, string | string[]>;

export interface Persona {
  name: string;
  profile: 'faire-pour' | 'decouverte' | 'premiers-pas' | 'presque-autonome' | 'autonome';
  /** The profile's title in French. */
  title: string;
  answers: PersonaAnswers;
}

const S = 'ne-sais-pas-faire';

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
    answers: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['rien'], urgence: 'non' },
  },
  {
    name: 'Kevin',
    profile: 'premiers-pas',
    title: 'Premiers pas',
    answers: {
      equipement: ['smartphone'], 'utilisation-appareil': 'montrer', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'forfait-mobile', 'rechercher-information': 'seul', 'site-officiel': 'ne-sais-pas',
      'adresse-courriel': 'non', 'reconnaitre-adresse': 'courriel', 'appel-video': 'montrer', 'imprimer-scanner': 'non',
      'sms-suspect': 'cliquer', 'mots-de-passe': 'le-meme', 'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['rien'], urgence: 'non',
    },
  },
  {
    name: 'Sophie',
    profile: 'presque-autonome',
    title: 'Presque autonome',
    answers: {
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'seul', 'usage-internet': 'seul', 'demarches-en-ligne': S,
      connexion: 'maison', 'rechercher-information': 'seul', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul',
      'piece-jointe': 'avec-aide', 'appel-video': 'seul', 'imprimer-scanner': 'ailleurs', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'oui', 'aide-entourage': 'non', besoins: ['rien'], urgence: 'non',
    },
  },
  {
    name: 'Léa',
    profile: 'autonome',
    title: 'Autonome',
    answers: {
      equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'montrer', 'usage-internet': 'montrer', 'demarches-en-ligne': 'montrer',
      connexion: 'maison', 'site-officiel': 'adresse-gouv', 'adresse-courriel': 'oui-seul', 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
      'envie-apprendre': 'non', besoins: ['rien'], urgence: 'non',
    },
  },
];

export function persona(profile: Persona['profile']): Persona {
  const found = PERSONAS.find((p) => p.profile === profile);
  if (!found) throw new Error(`no persona for ${profile}`);
  return found;
}

export const START_TITLE = 'Où en êtes-vous avec le numérique ?';

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

/** Selects the persona's answer to the question on screen (leaving ticked what already is). */
export async function answer(page: Page, answers: PersonaAnswers, question: string): Promise<string[]> {
  const given = answers[question];
  if (given === undefined) throw new Error(`the persona has no answer to "${question}"`);
  const options = [given].flat();
  for (const option of options) {
    const input = optionInput(page, question, option);
    if (!(await input.isChecked())) await page.locator(`label[for="q-${question}-${option}"]`).click();
    await expect(input).toBeChecked();
  }
  return options;
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
