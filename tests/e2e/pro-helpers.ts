// Steps the professional-space e2e files share: the keyboard's way to an element, the space opened
// from the start screen, the passphrase chosen on first use, a section opened from the nav, and a
// professional run answered with digits and Enter.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { currentStep, doProExercise, proHeading, proOptionValues, type PersonaAnswers } from './runs.ts';

export const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Presses Tab until the element has the focus (the keyboard's way there). */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

export async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

export async function openSpace(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Commencer' })).toBeVisible();
  await press(page, page.getByRole('link', { name: 'Espace professionnel' }));
}

export async function setPassphrase(page: Page, passphrase: string): Promise<void> {
  await expect(h1(page)).toHaveText('Choisir une phrase de passe');
  await tabTo(page, page.getByLabel('Phrase de passe', { exact: true }));
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Tab');
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Nouveau diagnostic');
}

/** Opens a section from the space's nav, with the keyboard; its heading takes the focus. */
export async function section(page: Page, name: string, title: string): Promise<void> {
  await press(page, page.getByRole('navigation', { name: "Sections de l'espace professionnel" }).getByRole('button', { name, exact: true }));
  await expect(h1(page)).toHaveText(title);
  await expect(h1(page)).toBeFocused();
}

/** Answers the professional run with digits and Enter. */
export async function proRun(page: Page, answers: PersonaAnswers): Promise<void> {
  await expect(page.locator('.pro-run')).toBeVisible();
  for (let step = 0; step < 40; step++) {
    if ((await page.locator('.pro-run').count()) === 0) return;
    await expect(proHeading(page)).toBeFocused();
    if (await doProExercise(page, answers)) continue;
    const id = await currentStep(page);
    const wanted = answers[id];
    if (wanted === undefined || (typeof wanted === 'object' && !Array.isArray(wanted))) throw new Error(`no answer for ${id}`);
    const values = await proOptionValues(page, id);
    for (const option of [wanted].flat()) await page.keyboard.press(String(values.indexOf(option) + 1));
    await page.keyboard.press('Enter');
    await expect(page.locator('.pro-run__saved, .pro-view')).toBeVisible();
  }
  throw new Error('the run never ended');
}

/** The viewports every new screen is looked at in. */
export const VIEWPORTS = [
  ['phone', 360, 740],
  ['tablet-portrait', 800, 1280],
  ['tablet-landscape', 1280, 800],
  ['desktop', 1440, 900],
] as const;
