// One run, in the built app: where the focus goes after every action, exercises passed without a
// false error on the next screen, an error screen that takes the run up again before anything is
// erased, and a run resumed after the page was closed for a while.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SECONDS_PER_SCREEN } from '../../src/core/progress.ts';
import { answer, currentStep, EVERY_EXERCISE, expectMeaningfulFocus, goOn, optionInput, persona, screenHeading, START_TITLE, withExercises } from './runs.ts';

/** How each exercise of EVERY_EXERCISE is left: passed with the mouse, Enter or Space, or done. */
const LEAVE: Record<string, 'click' | 'Enter' | 'Space' | 'do'> = {
  'exercice-toucher': 'click',
  'exercice-double-clic': 'Enter',
  'exercice-ecrire': 'Space',
  'exercice-site-officiel': 'do',
  'exercice-arnaque': 'do',
};
const DONE: Record<string, string> = { 'exercice-site-officiel': 'officiel', 'exercice-arnaque': 'colis' };

/** The next screen opens clean: no "Choisissez une réponse" waiting there. */
async function expectNoError(page: Page, after: string): Promise<void> {
  await expect(page.locator('.question__error'), `an error shown after ${after}`).toHaveCount(0);
}

/** Leaves the exercise on screen as LEAVE says; returns once the next screen is there. */
async function leaveExercise(page: Page, id: string): Promise<void> {
  const how = LEAVE[id];
  const skip = page.getByRole('button', { name: 'Je préfère passer' });
  if (how === 'do') {
    await page.locator(`.exercise [data-choice="${DONE[id]}"]`).click();
    await expect(page.getByRole('button', { name: 'Continuer' })).toBeFocused();
    await expectMeaningfulFocus(page, `${id} done`);
    await page.keyboard.press('Enter');
  } else if (how === 'click') await skip.click();
  else {
    await skip.focus();
    await page.keyboard.press(how === 'Space' ? ' ' : 'Enter');
  }
  await expect(screenHeading(page)).not.toHaveAttribute('id', `q-${id}-title`);
}

test.describe('one run', () => {
  test('a whole kiosk run: the focus is on something meaningful after every action, and a passed exercise leaves no error behind', async ({ page }) => {
    test.setTimeout(120_000);
    // The three pointer kinds: click-target, double-click, and drag-drop in place of the typing exercise.
    await withExercises(page, { 'exercice-ecrire': { type: 'drag-drop', scores: { 'prise-en-main': 4 }, checks: 'utilisation-appareil' } });
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: START_TITLE })).toBeVisible();
    await page.locator('.start__begin').click();
    await expectMeaningfulFocus(page, '« Commencer »');
    for (let i = 0; i < 40; i++) {
      const id = await currentStep(page);
      if (id === 'result') break;
      await expect(screenHeading(page)).toBeFocused();
      if (id.startsWith('exercice-')) {
        await leaveExercise(page, id);
        await expectNoError(page, `leaving ${id}`);
      } else {
        await answer(page, EVERY_EXERCISE, id);
        await expectMeaningfulFocus(page, `answering ${id}`);
        await goOn(page, id);
      }
      await expectMeaningfulFocus(page, `going on from ${id}`);
    }
    await expect(page.locator('h1.result__title')).toBeFocused();
    await page.getByRole('button', { name: 'Revenir aux questions' }).click();
    await expectMeaningfulFocus(page, '« Revenir aux questions » on the result');
    await goOn(page, await currentStep(page));
    await page.getByRole('button', { name: 'Terminer et effacer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: START_TITLE })).toBeFocused();
  });

  test('closing "are you still there?" with Enter, a click or Escape puts the focus back where it was', async ({ page }) => {
    await page.clock.install();
    await page.goto('./');
    await page.locator('.start__begin').click();
    await answer(page, EVERY_EXERCISE, 'equipement');
    const first = optionInput(page, 'equipement', 'smartphone');
    for (const close of ['Enter', 'click', 'Escape'] as const) {
      await first.focus();
      await page.clock.fastForward(91_000);
      const stay = page.getByRole('button', { name: 'Oui, je continue' });
      await expect(stay).toBeFocused();
      if (close === 'click') await stay.click();
      else await page.keyboard.press(close);
      await expect(page.getByRole('alertdialog')).toHaveCount(0);
      await expect(first, `the focus after closing the dialog with ${close}`).toBeFocused();
    }
    // Pointer movement alone counts as someone being there.
    for (let i = 0; i < 4; i++) {
      await page.clock.fastForward(30_000);
      await page.mouse.move(100 + i * 10, 200);
    }
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });

  test.describe('with no service worker to serve the piece from its cache', () => {
    // page.route does not see what a service worker fetches: without one, the blocked chunk stays blocked.
    test.use({ serviceWorkers: 'block' });
    test('a piece of the app that cannot be fetched mid-run: « Réessayer » takes the run up again with every answer', async ({ page }) => {
      let blocked = true;
      await page.route('**/assets/exercise-view-*.js', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
      await page.goto('./');
      await page.locator('.start__begin').click();
      const answered: string[] = [];
      const error = page.locator('h1.error-screen__title');
      for (let i = 0; i < 20; i++) {
        await expect(page.locator('h1.question__title, h1.error-screen__title')).toHaveCount(1);
        // An exercise shows « Chargement… » while its piece is fetched, then the exercise or the error.
        await expect(page.getByText('Chargement…')).toHaveCount(0);
        if ((await error.count()) > 0) break;
        const id = await currentStep(page);
        await answer(page, EVERY_EXERCISE, id);
        answered.push(id);
        // The next screen is a question, or the error when the blocked piece was needed: either may come first.
        await page.locator('.question__actions button[type="submit"]').click();
        await expect(page.locator('h1.question__title, h1.result__title, h1.error-screen__title')).not.toHaveAttribute('id', `q-${id}-title`);
      }
      await expect(page.getByRole('heading', { level: 1, name: /Un problème est survenu/ })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
      const buttons = page.locator('.error-screen__actions button');
      await expect(buttons).toHaveText(['Réessayer', 'Effacer mes réponses et recommencer']);
      blocked = false;
      await buttons.first().click();
      await expect(page.locator('.exercise[data-question="exercice-toucher"]')).toBeVisible();
      // Every answer is still there, going back.
      for (const id of answered.reverse()) {
        await page.getByRole('button', { name: 'Précédent' }).click();
        await expect(screenHeading(page)).toHaveAttribute('id', `q-${id}-title`);
        const wanted = [EVERY_EXERCISE[id] as string | string[]].flat();
        for (const option of wanted) await expect(optionInput(page, id, option)).toBeChecked();
      }
    });
  });

  // The write of an answer waits until the next question is painted (src/ui/after-paint.ts); a page
  // that goes in the same breath writes it as it goes (visibilitychange, pagehide), and the store
  // commits it at once: nothing may wait for a reply the closed page would never get.
  /** Two answers sent with « Suivant », the tab closed at once after the second (the page reloaded at once after the first, if asked): a new tab takes the run up with both. */
  async function closedRightAfterAnswering(page: Page, context: BrowserContext, { reloadBetween }: { reloadBetween: boolean }) {
    await page.goto('./');
    await page.locator('.start__begin').click();
    await expect(screenHeading(page)).toHaveAttribute('id', 'q-equipement-title');
    await answer(page, EVERY_EXERCISE, 'equipement');
    await page.locator('.question__actions button[type="submit"]').click();
    if (reloadBetween) await page.reload();
    await expect(screenHeading(page)).toHaveAttribute('id', 'q-utilisation-appareil-title');
    await answer(page, EVERY_EXERCISE, 'utilisation-appareil');
    await page.locator('.question__actions button[type="submit"]').click();
    await page.close();
    const again = await context.newPage();
    await again.goto('./');
    await expect(screenHeading(again)).toHaveAttribute('id', 'q-usage-internet-title');
    await again.getByRole('button', { name: 'Précédent' }).click();
    await expect(optionInput(again, 'utilisation-appareil', 'seul')).toBeChecked();
    await again.getByRole('button', { name: 'Précédent' }).click();
    for (const option of [EVERY_EXERCISE.equipement as string | string[]].flat()) await expect(optionInput(again, 'equipement', option)).toBeChecked();
  }

  test.describe('with no service worker to keep the page alive', () => {
    test.use({ serviceWorkers: 'block' });
    test('an answer is kept when the tab is closed right after it', async ({ page, context }) => {
      await closedRightAfterAnswering(page, context, { reloadBetween: false });
    });
  });

  test('an answer is kept when the page goes right after it: reloaded at once, or closed at once', async ({ page, context }) => {
    await closedRightAfterAnswering(page, context, { reloadBetween: true });
  });

  test('a run is taken up again after the page was closed for ten minutes, behind "are you still there?"', async ({ page, context }) => {
    await page.clock.install();
    await page.goto('./');
    await page.locator('.start__begin').click();
    for (const id of ['equipement', 'utilisation-appareil']) {
      await expect(screenHeading(page)).toHaveAttribute('id', `q-${id}-title`);
      await answer(page, EVERY_EXERCISE, id);
      await goOn(page, id);
    }
    await page.close();
    const again = await context.newPage();
    await again.clock.install({ time: Date.now() + 10 * 60_000 });
    await again.goto('./');
    // The idle policy decides: the person is asked first, and the run is there behind the question.
    const stay = again.getByRole('button', { name: 'Oui, je continue' });
    await expect(stay).toBeFocused();
    await stay.click();
    await expect(screenHeading(again)).toHaveAttribute('id', 'q-usage-internet-title');
    await again.getByRole('button', { name: 'Précédent' }).click();
    await expect(optionInput(again, 'utilisation-appareil', 'seul')).toBeChecked();
  });
});

test.describe('honest progress', () => {
  /** "Étape X sur Y" (or "sur au plus Y") and the bar, as shown. */
  async function progressShown(page: Page): Promise<{ current: number; total: number; value: number; max: number; text: string }> {
    const text = (await page.locator('.question__step').textContent()) ?? '';
    const [current, total] = (text.match(/\d+/g) ?? []).map(Number);
    const bar = page.locator('progress.step-progress');
    const value = Number(await bar.getAttribute('value'));
    const max = Number(await bar.getAttribute('max'));
    return { current: current ?? 0, total: total ?? 0, value, max, text };
  }

  /** The minutes a path takes at the pace the start screen's duration assumes (core/progress.ts). */
  const minutesOf = (screens: string[]) => screens.reduce((sum, id) => sum + SECONDS_PER_SCREEN[id.startsWith('exercice-') ? 'exercise' : 'single'], 0) / 60;

  test('along the longest branch, the counter and the bar never go back, and the announced duration brackets the shortest and the longest path', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('./');
    const announced = (await page.locator('.start__fact--time').textContent()) ?? '';
    const [min, max] = (announced.match(/\d+/g) ?? []).map(Number);
    expect(announced).toMatch(/^Cela prend de \d+ à \d+ minutes, selon vos réponses\.$/);
    await page.locator('.start__begin').click();
    const screens: string[] = [];
    let before = { current: 0, total: Infinity, ratio: 0 };
    let first = 0;
    for (let i = 0; i < 40; i++) {
      const id = await currentStep(page);
      if (id === 'result') break;
      screens.push(id);
      const shown = await progressShown(page);
      first ||= shown.total;
      expect(shown.current, `${id}: ${shown.text}`).toBe(before.current + 1);
      expect(shown.total, `${id}: ${shown.text}`).toBeLessThanOrEqual(before.total);
      expect(shown.value / shown.max, `${id}: the bar`).toBeGreaterThan(before.ratio);
      if (id.startsWith('exercice-')) {
        // Every exercise passed: the longest branch (a passed exercise measures nothing, so the questions it would settle are asked).
        await page.getByRole('button', { name: 'Je préfère passer' }).click();
        await expect(screenHeading(page)).not.toHaveAttribute('id', `q-${id}-title`);
      } else {
        await answer(page, EVERY_EXERCISE, id);
        // Ticking an answer never changes the counter on the same screen.
        expect((await progressShown(page)).text).toBe(shown.text);
        await goOn(page, id);
      }
      before = { current: shown.current, total: shown.total, ratio: shown.value / shown.max };
    }
    // The first screen's "sur au plus 17" was this path's length: the longest branch.
    expect(screens.length).toBe(first);
    expect(before.total).toBe(screens.length);
    expect(minutesOf(screens)).toBeLessThanOrEqual(max ?? 0);
    expect(minutesOf(screens)).toBeGreaterThan((max ?? 0) - 1);

    // The shortest path (no device, does not want to learn): at least the announced minimum.
    await page.getByRole('button', { name: 'Terminer et effacer' }).click();
    await page.locator('.start__begin').click();
    const marcel = persona('faire-pour').answers;
    const short: string[] = [];
    for (let i = 0; i < 40; i++) {
      const id = await currentStep(page);
      if (id === 'result') break;
      short.push(id);
      await answer(page, marcel, id);
      await goOn(page, id);
    }
    expect(short).toHaveLength(6);
    expect(minutesOf(short)).toBeGreaterThanOrEqual(min ?? Infinity);
    expect(minutesOf(short)).toBeLessThan((min ?? 0) + 1);
  });
});
