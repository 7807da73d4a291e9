// Every text a questionnaire documents is shown where people meet it: its own title and intro on
// the start screen, an info screen's body and links, a question's hint — keyboard only, axe clean,
// in French and in Arabic (the start screen of the real questionnaire; the sample for the rest).
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures.ts';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const SIZES = { phone: { width: 360, height: 740 }, 'tablet-portrait': { width: 800, height: 1280 }, 'tablet-landscape': { width: 1280, height: 800 }, desktop: { width: 1440, height: 900 } };

test.describe('the start screen shows the questionnaire\'s own title and intro', () => {
  test('in French and in Arabic, at every size', async ({ page }) => {
    test.slow(); // eight full-page screenshots and two axe runs
    await page.goto('./');
    await expect(h1(page)).toHaveText('Votre autonomie numérique');
    await expect(page.getByText(/^Quelques questions pour savoir où vous en êtes avec le numérique/)).toBeVisible();
    await expect(page.getByText('Où en êtes-vous avec le numérique ?')).toHaveCount(0);
    await expectNoAxeViolations(page, 'start (questionnaire title)');
    for (const [name, size] of Object.entries(SIZES)) {
      await page.setViewportSize(size);
      await screenshot(page, `start-questionnaire-fr-${name}`);
    }
    await page.locator('.button--language[lang="ar"]').click();
    await expect(h1(page)).toHaveText('استقلاليتك الرقمية');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectNoAxeViolations(page, 'start (questionnaire title, Arabic)');
    for (const [name, size] of Object.entries(SIZES)) {
      await page.setViewportSize(size);
      await screenshot(page, `start-questionnaire-ar-${name}`);
    }
  });
});

test.describe('an info screen and a hint, as the questionnaire writes them', () => {
  // The sample questionnaire is offered only when settings.json names it.
  test.use({ deviceSettings: { defaultQuestionnaire: 'exemple' }, serviceWorkers: 'block' });

  test('with the keyboard alone, axe clean', async ({ page }) => {
    test.slow(); // five full-page screenshots and two axe runs
    await page.goto('./');
    await expect(h1(page)).toHaveText("Questionnaire d'exemple");
    await expect(page.getByText('Un court exemple qui montre le format des questionnaires de Repères.')).toBeVisible();
    await page.getByRole('button', { name: 'Commencer' }).focus();
    await page.keyboard.press('Enter');

    await expect(h1(page)).toContainText('Bienvenue');
    await expect(h1(page)).toBeFocused();
    await expect(page.getByText(/^Il n'y a pas de bonne ou de mauvaise réponse/)).toBeVisible();
    const link = page.getByRole('link', { name: /Trouver une aide au numérique près de chez vous/ });
    await expect(link).toHaveAttribute('href', 'https://www.france-services.gouv.fr');
    // The link is reached with Tab, like the rest of the screen.
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await link.evaluate((a) => a === document.activeElement);
    }
    expect(reached).toBe(true);
    await expectNoAxeViolations(page, 'info screen with body and links');
    for (const [name, size] of Object.entries(SIZES)) {
      await page.setViewportSize(size);
      await screenshot(page, `info-screen-fr-${name}`);
    }

    await page.getByRole('button', { name: /Suivant/ }).focus();
    await page.keyboard.press('Enter');
    await expect(h1(page)).toContainText('Quels appareils');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect(h1(page)).toContainText('Allez-vous sur internet');
    const hint = page.locator('.question__note');
    await expect(hint).toHaveText('Sur un téléphone, une tablette ou un ordinateur, chez vous ou ailleurs.');
    await expect(hint).toBeVisible();
    const described = await page.getByRole('group', { name: /Allez-vous sur internet/ }).getAttribute('aria-describedby');
    expect(described?.split(' ')).toContain(await hint.getAttribute('id'));
    await expectNoAxeViolations(page, 'question with a hint');
    await page.setViewportSize(SIZES.phone);
    await screenshot(page, 'question-hint-fr-phone');
  });
});
