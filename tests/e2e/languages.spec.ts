// Six languages and easy-read French in a real browser: a whole run in Arabic, right to left, at a
// phone's and a desktop's width (no sideways scrolling, axe clean, screenshots to look at), and a
// language switch mid-run through the header menu that keeps the step and the answers.
import type { BrowserContext, Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, screenshot, SCREENSHOTS, test } from './fixtures.ts';
import { answer, answerIds, currentStep, goOn, optionInput, persona, runThrough, screenHeading } from './runs.ts';

const LANGUAGES = ['fr', 'fr-FALC', 'en', 'ar', 'uk', 'es'];
const NAMES = ['Français', 'Français facile à lire', 'English', 'العربية', 'Українська', 'Español'];

// The kiosk offers every language of the questionnaire here, whatever public/settings.json says;
// no service worker, so that every request meets the route.
test.use({ serviceWorkers: 'block' });

async function offerEveryLanguage(context: BrowserContext) {
  await context.route(/\/settings\.json(\?.*)?$/, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ structure: 'France Services', languages: LANGUAGES, modes: ['kiosk'], defaultQuestionnaire: 'autonomie-numerique' }),
    }),
  );
}

/** The page is no wider than the window: nothing to scroll sideways. */
async function expectNoHorizontalOverflow(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `horizontal overflow on ${where}`).toBeLessThanOrEqual(clientWidth);
}

async function expectRtl(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
}

/** What the window shows, from an element down (full-page shots of a long result are too tall to read). */
async function windowShot(page: Page, selector: string, name: string) {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

const kevin = persona('premiers-pas');

for (const width of [360, 1280]) {
  test(`a whole run in Arabic, right to left, at ${width} px`, async ({ page, context }) => {
    await offerEveryLanguage(context);
    await page.setViewportSize({ width, height: width < 600 ? 740 : 900 });
    // Which languages' files were fetched: the interface chunk (assets/<lang>-<hash>.js) and the questionnaire's texts.
    const fetched = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url()).pathname;
      const chunk = /\/assets\/(fr-FALC|fr|en|ar|uk|es)-[\w-]{8}\.js$/.exec(url) ?? /\/locales\/([\w-]+)\.json$/.exec(url);
      if (chunk?.[1]) fetched.add(chunk[1]);
    });
    await page.goto('./');
    await expect(page.locator('.start__begin')).toBeVisible();
    // The first screen carries its own language only; the others come when chosen.
    expect([...fetched]).toEqual(['fr']);

    // The start screen names each language in itself, with its own lang attribute.
    const buttons = page.locator('.languages .button--language');
    await expect(buttons).toHaveText(NAMES);
    expect(await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('lang')))).toEqual(LANGUAGES);
    await page.locator('.button--language[lang="ar"]').click();
    await expectRtl(page);
    expect([...fetched].sort()).toEqual(['ar', 'fr']);
    await expect(page.locator('.start__begin')).toHaveText('ابدأ');
    await expectNoHorizontalOverflow(page, 'the start screen');
    await screenshot(page, `languages-ar-${width}-start`);

    await page.locator('.start__begin').click();
    const first = await currentStep(page);
    await expect(screenHeading(page)).toContainText('الخطوة 1 من');
    // The progress bar runs right to left, and its filled part starts at the right.
    expect(await page.locator('.step-progress').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await expectNoAxeViolations(page, `Arabic question (${width} px)`);
    await screenshot(page, `languages-ar-${width}-question`);
    // The header menu opens within the screen.
    await page.locator('.language-menu__toggle').click();
    const list = await page.locator('.language-menu__list').boundingBox();
    expect(list && list.x >= 0 && list.x + list.width <= width, `the open menu at ${width} px: ${JSON.stringify(list)}`).toBe(true);
    await expectNoHorizontalOverflow(page, 'the question with the language menu open');
    await page.screenshot({ path: join(SCREENSHOTS, `languages-ar-${width}-menu-open.png`) });
    await page.keyboard.press('Escape');

    await runThrough(page, kevin.answers, async (question, i) => {
      await expectRtl(page);
      await expectNoHorizontalOverflow(page, `question ${question}`);
      if (i === 3) await screenshot(page, `languages-ar-${width}-question-${question}`);
    });
    expect(first).toBe('equipement');

    await expect(page.locator('h1.result__title')).toBeVisible();
    await expectRtl(page);
    await expect(page.getByRole('heading', { level: 2, name: 'الخطوات التالية' })).toBeVisible();
    await expectNoHorizontalOverflow(page, 'the result');
    await expectNoAxeViolations(page, `Arabic result (${width} px)`);
    await screenshot(page, `languages-ar-${width}-result`);
    await windowShot(page, 'body', `languages-ar-${width}-result-top`);
    await windowShot(page, '.next-step', `languages-ar-${width}-result-steps`);
    await windowShot(page, '.result__actions', `languages-ar-${width}-result-end`);
  });
}

test('the header menu switches language mid-run, keeping the step and the answers', async ({ page, context }) => {
  await offerEveryLanguage(context);
  await page.goto('./');
  await page.locator('.start__begin').click();

  // Three questions answered in French.
  for (let i = 0; i < 3; i++) {
    const question = await currentStep(page);
    await answer(page, kevin.answers, question);
    await goOn(page, question);
  }
  const step = await currentStep(page);
  const chosen = await answer(page, kevin.answers, step);
  await expect(screenHeading(page)).toContainText('Étape 4 sur');

  // The menu, by keyboard: it opens on the current language, Escape closes it and gives the focus back.
  const toggle = page.locator('.language-menu__toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const options = page.locator('.language-menu__option');
  await expect(options).toHaveText(NAMES);
  expect(await options.evaluateAll((els) => els.map((e) => e.getAttribute('lang')))).toEqual(LANGUAGES);
  await expect(page.locator('.language-menu__option[aria-current="true"]')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.language-menu__option[lang="fr"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(page.locator('.language-menu__list')).toBeHidden();
  await screenshot(page, 'languages-menu-fr-closed');

  // Ukrainian, with the mouse.
  await toggle.click();
  await screenshot(page, 'languages-menu-fr-open');
  await page.locator('.language-menu__option[lang="uk"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(screenHeading(page)).toContainText('Крок 4 з');
  expect(await currentStep(page)).toBe(step);
  for (const option of chosen) await expect(optionInput(page, step, option)).toBeChecked();
  await expect(toggle).toBeFocused();
  await expect(toggle).toContainText('Українська');

  // Back one step: the earlier answer is still there, now in Ukrainian.
  await page.locator('.question__actions button[type="button"]').first().click();
  await expect(screenHeading(page)).toContainText('Крок 3 з');
  const previous = await currentStep(page);
  for (const option of answerIds(kevin.answers, previous)) await expect(optionInput(page, previous, option)).toBeChecked();

  // Then Arabic, and on to the result.
  await toggle.click();
  await page.locator('.language-menu__option[lang="ar"]').click();
  await expectRtl(page);
  expect(await currentStep(page)).toBe(previous);
  await runThrough(page, kevin.answers);
  await expect(page.locator('h1.result__title')).toBeVisible();
  // The result screen has the menu too: back to easy-read French, the result stays.
  await toggle.click();
  await page.locator('.language-menu__option[lang="fr-FALC"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-FALC');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 2, name: 'Ce que vous pouvez faire maintenant' })).toBeVisible();
  await screenshot(page, 'languages-result-fr-FALC');
});

test('every language is precached for offline use', async ({ page }) => {
  const sw = await (await page.request.get('./sw.js')).text();
  for (const language of LANGUAGES) {
    expect(sw, `the interface in ${language}`).toMatch(new RegExp(`assets/${language}-[\\w-]{8}\\.js`));
    expect(sw, `autonomie-numerique in ${language}`).toContain(`questionnaires/autonomie-numerique/locales/${language}.json`);
  }
});
