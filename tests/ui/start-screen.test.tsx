import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/app.tsx';
import { diskFetcher, renderKiosk } from './kiosk-harness.tsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('start screen', () => {
  it('says what this is, how long it takes and that nothing is kept, with a "Commencer" button', async () => {
    await renderKiosk();
    // The questionnaire's own title and intro (its locale's `title` and `intro`).
    expect(screen.getByRole('heading', { level: 1, name: "Questionnaire d'exemple" })).toBeTruthy();
    expect(screen.getByText('Un court exemple qui montre le format des questionnaires de Repères.')).toBeTruthy();
    expect(screen.queryByText('Où en êtes-vous avec le numérique ?')).toBeNull();
    // From the exemple's shortest path to its longest (core/progress.ts: durationRange).
    expect(screen.getByText(/Cela prend de \d+ à \d+ minutes, selon vos réponses\./)).toBeTruthy();
    expect(screen.getByText(/Rien n'est gardé/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Commencer/ })).toBeTruthy();
    expect(screen.getByText('Espace public numérique')).toBeTruthy();
  });

  it('offers each language in its own name, with its own lang attribute', async () => {
    await renderKiosk();
    const group = screen.getByRole('group', { name: 'Choisissez votre langue' });
    const francais = within(group).getByRole('button', { name: 'Français' });
    const english = within(group).getByRole('button', { name: 'English' });
    expect(francais.getAttribute('lang')).toBe('fr');
    expect(english.getAttribute('lang')).toBe('en');
    expect(francais.getAttribute('aria-pressed')).toBe('true');
    expect(english.getAttribute('aria-pressed')).toBe('false');
  });

  it('switches the whole screen and <html lang dir> to the chosen language', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sample questionnaire' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Start/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('"Commencer" shows the first step and moves the focus to its heading', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
    const heading = await screen.findByRole('heading', { level: 1, name: /Bienvenue/ });
    expect(heading.textContent).toContain('Étape 1 sur au plus 7');
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
    // The pictogram is drawn in the page from the index's drawing (no request): a symbol of the questionnaire's sprite.
    const pictogram = screen.getByRole('img', { name: 'Une main qui salue' });
    const symbol = pictogram.querySelector('use')?.getAttribute('href') ?? '';
    expect(symbol).toBe('#pictogram-exemple-bonjour');
    expect(document.querySelector(`.pictogram-sprite symbol${symbol}`)?.querySelector('path, circle, rect')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Précédent' })).toBeNull();
  });
});

describe('language names', () => {
  it('names each language in itself, easy-read French included', async () => {
    const { languageName, setLanguage } = await import('../../src/i18n/index.ts');
    await setLanguage('fr');
    expect(['fr', 'en', 'ar', 'fr-FALC'].map(languageName)).toEqual(['Français', 'English', 'العربية', 'Français facile à lire']);
    // A language a structure adds without a name in the locale files is named by the browser.
    expect(languageName('de')).toBe('Deutsch');
  });
});

describe('a new version of the app', () => {
  it('is offered on the start screen only, and checked for each time it shows', async () => {
    let ready = false;
    const listeners = new Set<(value: boolean) => void>();
    const update = {
      ready: { get: () => ready, subscribe: (l: (value: boolean) => void) => (listeners.add(l), () => void listeners.delete(l)) },
      apply: vi.fn(),
      check: vi.fn(),
    };
    await renderKiosk({ update });
    await vi.waitFor(() => expect(update.check).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('button', { name: 'Mettre à jour' })).toBeNull();
    ready = true;
    act(() => listeners.forEach((l) => l(true)));
    expect(screen.getByText('Une nouvelle version de Repères est prête.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: /Bienvenue/ });
    expect(screen.queryByRole('button', { name: 'Mettre à jour' })).toBeNull();
    expect(update.apply).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Suivant' }));
    fireEvent.click(await screen.findByText('Aucun'));
    fireEvent.click(screen.getByRole('button', { name: 'Suivant' }));
    await screen.findByRole('heading', { level: 1, name: /Allez-vous sur internet/ });
    fireEvent.click(screen.getByText('Jamais'));
    fireEvent.click(screen.getByRole('button', { name: 'Suivant' }));
    fireEvent.click(await screen.findByText('Non'));
    fireEvent.click(screen.getByRole('button', { name: 'Suivant' }));
    await screen.findByRole('heading', { level: 1, name: /démarche urgente/ });
    fireEvent.click(screen.getByText('Non'));
    fireEvent.click(screen.getByRole('button', { name: 'Voir mon résultat' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Terminer et effacer' }));
    await screen.findByRole('heading', { level: 1, name: "Questionnaire d'exemple" });
    await vi.waitFor(() => expect(update.check).toHaveBeenCalledTimes(2));
    fireEvent.click(screen.getByRole('button', { name: 'Mettre à jour' }));
    expect(update.apply).toHaveBeenCalledTimes(1);
  });
});

describe('the service worker', () => {
  // Its precache (about 400 KB) must never share a slow connection with the start screen or question 1.
  it('is registered once a run shows its question, not while the start screen waits', async () => {
    const update = { ready: { get: () => false, subscribe: () => () => undefined }, apply: vi.fn(), registerServiceWorker: vi.fn() };
    await renderKiosk({ update });
    fireEvent.pointerDown(document.body); // someone is there: question 1 is drawn ahead, unseen
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(update.registerServiceWorker).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: /Bienvenue/ });
    await vi.waitFor(() => expect(update.registerServiceWorker).toHaveBeenCalled());
  });
});

describe('while the questionnaire is on its way', () => {
  /** The sample questionnaire's structure is held back until `release` is called. */
  function heldBack(settings?: Record<string, unknown>) {
    const disk = diskFetcher(settings ? { overrides: { './settings.json': JSON.stringify({ defaultQuestionnaire: 'exemple', languages: ['fr', 'en'], ...settings }) } } : {});
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fetchText = async (url: string) => {
      if (url.endsWith('/questionnaire.json')) await held;
      return disk(url);
    };
    return { fetchText, release: () => release() };
  }

  it('shows the title and what this is at once, says it is loading, and offers nothing to press yet', async () => {
    const { fetchText, release } = heldBack();
    render(<App fetchText={fetchText} />);
    // The first render, before any file has arrived.
    const title = screen.getByRole('heading', { level: 1, name: 'Où en êtes-vous avec le numérique ?' });
    expect(screen.getByText(/Quelques questions simples pour faire le point/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    expect(screen.queryByRole('button')).toBeNull();
    release();
    expect(await screen.findByRole('button', { name: /Commencer/ })).toBeTruthy();
    expect(screen.queryByText('Chargement…')).toBeNull();
    // The same title element stays in place, now with the questionnaire's own title: the screen is completed, not replaced.
    expect(screen.getByRole('heading', { level: 1 })).toBe(title);
    expect(title.textContent).toBe("Questionnaire d'exemple");
  });

  it('waits plainly for a shared result or the professional space, without the start screen', async () => {
    window.history.replaceState(null, '', '/#/pro');
    // A professional's device (the shipped settings enable the kiosk only).
    const { fetchText, release } = heldBack({ modes: ['kiosk', 'interview'] });
    render(<App fetchText={fetchText} />);
    expect(screen.getByRole('status').textContent).toBe('Chargement…');
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    release();
    // Then the professional space itself (its lock screen), not a start screen.
    expect(await screen.findByRole('heading', { level: 1 }, { timeout: 15_000 })).not.toHaveProperty('id', 'start-title');
  });
});
