import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderKiosk } from './kiosk-harness.tsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

async function startRun() {
  await renderKiosk();
  fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
  await screen.findByRole('heading', { level: 1, name: /Bienvenue/ });
  fireEvent.click(screen.getByRole('button', { name: /Suivant/ }));
  return screen.findByRole('heading', { level: 1, name: /Quels appareils avez-vous/ });
}

const next = () => fireEvent.click(screen.getByRole('button', { name: /Suivant|Voir mon résultat/ }));

describe('one question a screen', () => {
  it('shows the question as the legend of a group of large answer cards', async () => {
    const heading = await startRun();
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
    const group = screen.getByRole('group', { name: /Quels appareils avez-vous/ });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByRole('img', { name: 'Un téléphone et un ordinateur' })).toBeTruthy();
    expect(group.getAttribute('aria-describedby')).toContain('hint');
    expect(screen.getByText(/Choisissez une ou plusieurs réponses/)).toBeTruthy();
  });

  it("shows an info screen's text and links, and a question's hint, as the questionnaire writes them", async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: /Bienvenue/ });
    expect(screen.getByText(/Il n'y a pas de bonne ou de mauvaise réponse/)).toBeTruthy();
    const link = screen.getByRole('link', { name: /Trouver une aide au numérique près de chez vous/ });
    expect(link.getAttribute('href')).toBe('https://www.france-services.gouv.fr');
    expect(link.getAttribute('rel')).toContain('noopener');
    fireEvent.click(screen.getByRole('button', { name: /Suivant/ }));
    await screen.findByRole('heading', { level: 1, name: /Quels appareils avez-vous/ });
    fireEvent.click(screen.getByText('Un smartphone'));
    next();
    await screen.findByRole('heading', { level: 1, name: /Allez-vous sur internet/ });
    const hint = screen.getByText('Sur un téléphone, une tablette ou un ordinateur, chez vous ou ailleurs.');
    const group = screen.getByRole('group', { name: /Allez-vous sur internet/ });
    expect(group.getAttribute('aria-describedby')?.split(' ')).toContain(hint.closest('p')?.id);
  });

  it('answers with the mouse: clicking anywhere on a card ticks it', async () => {
    await startRun();
    fireEvent.click(screen.getByText('Un smartphone'));
    fireEvent.click(screen.getByText('Un ordinateur'));
    expect((screen.getByRole('checkbox', { name: /Un smartphone/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /Un ordinateur/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByText('Un ordinateur'));
    expect((screen.getByRole('checkbox', { name: /Un ordinateur/ }) as HTMLInputElement).checked).toBe(false);
    next();
    const heading = await screen.findByRole('heading', { level: 1, name: /Allez-vous sur internet/ });
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
  });

  // The next question's cards take the elements of the cards in the same place: nothing of the
  // earlier answer may stay on them.
  it("shows the next question's cards unticked, in their own words, where the cards before were ticked; back shows the earlier ticks", async () => {
    await startRun();
    fireEvent.click(screen.getByText('Un smartphone'));
    fireEvent.click(screen.getByText('Un ordinateur'));
    next();
    await screen.findByRole('heading', { level: 1, name: /Allez-vous sur internet/ });
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.length).toBeGreaterThan(1);
    expect(radios.filter((radio) => radio.checked)).toEqual([]);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByText('Un smartphone')).toBeNull();
    expect(new Set(radios.map((radio) => radio.name)).size).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: /Précédent/ }));
    await screen.findByRole('heading', { level: 1, name: /Quels appareils avez-vous/ });
    const ticked = (screen.getAllByRole('checkbox') as HTMLInputElement[]).filter((box) => box.checked).map((box) => box.labels?.[0]?.textContent);
    expect(ticked).toEqual([expect.stringContaining('Un smartphone'), expect.stringContaining('Un ordinateur')]);
  });

  it('unticks the other cards when "Aucun" is ticked, and "Aucun" when another card is', async () => {
    await startRun();
    const box = (name: RegExp) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
    fireEvent.click(screen.getByText('Un smartphone'));
    fireEvent.click(screen.getByText('Un ordinateur'));
    fireEvent.click(screen.getByText('Aucun'));
    expect([box(/Un smartphone/).checked, box(/Un ordinateur/).checked, box(/Aucun/).checked]).toEqual([false, false, true]);
    fireEvent.click(screen.getByText('Un ordinateur'));
    expect([box(/Un smartphone/).checked, box(/Un ordinateur/).checked, box(/Aucun/).checked]).toEqual([false, true, false]);
  });

  it('answers with the digit keys and goes on with Enter', async () => {
    await startRun();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: '2' });
    const ordinateur = screen.getByRole('checkbox', { name: /Un ordinateur/ }) as HTMLInputElement;
    expect(ordinateur.checked).toBe(true);
    expect(document.activeElement).toBe(ordinateur);
    fireEvent.keyDown(ordinateur, { key: 'Enter' });
    await screen.findByRole('heading', { level: 1, name: /Allez-vous sur internet/ });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: '3' });
    expect((screen.getByRole('radio', { name: /Souvent/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: '1' });
    expect((screen.getByRole('radio', { name: /Jamais/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /Souvent/ }) as HTMLInputElement).checked).toBe(false);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: '9' });
    expect((screen.getByRole('radio', { name: /Jamais/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('goes on with Enter from the heading, where the focus lands', async () => {
    await renderKiosk();
    fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
    const welcome = await screen.findByRole('heading', { level: 1, name: /Bienvenue/ });
    await vi.waitFor(() => expect(document.activeElement).toBe(welcome));
    fireEvent.keyDown(welcome, { key: 'Enter' });
    const devices = await screen.findByRole('heading', { level: 1, name: /Quels appareils/ });
    fireEvent.keyDown(devices, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toContain('Choisissez une réponse pour continuer.');
  });

  it('says an answer is needed instead of moving on without one', async () => {
    await startRun();
    next();
    expect(screen.getByRole('alert').textContent).toContain('Choisissez une réponse pour continuer.');
    expect(screen.getByRole('heading', { level: 1, name: /Quels appareils/ })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: /Un smartphone/ }));
  });

  it('says "Étape X sur au plus Y" until the rest of the path is certain, and ticking an answer never changes it', async () => {
    await startRun();
    const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
    expect(heading()).toContain('Étape 2 sur au plus 7');
    fireEvent.click(screen.getByText('Aucun'));
    next();
    await screen.findByRole('heading', { level: 1, name: /Allez-vous sur internet/ });
    expect(heading()).toContain('Étape 3 sur au plus 7');
    fireEvent.click(screen.getByText('Jamais'));
    expect(heading()).toContain('Étape 3 sur au plus 7');
    fireEvent.click(screen.getByText('Parfois'));
    expect(heading()).toContain('Étape 3 sur au plus 7');
    fireEvent.click(screen.getByText('Jamais'));
    next();
    await screen.findByRole('heading', { level: 1, name: /apprendre/ });
    expect(heading()).toContain('Étape 4 sur 5');
  });

  it('goes back with the answer kept', async () => {
    await startRun();
    fireEvent.click(screen.getByText('Un smartphone'));
    next();
    await screen.findByRole('heading', { level: 1, name: /Allez-vous sur internet/ });
    fireEvent.click(screen.getByText('Souvent'));
    fireEvent.click(screen.getByRole('button', { name: 'Précédent' }));
    const heading = await screen.findByRole('heading', { level: 1, name: /Quels appareils/ });
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
    expect((screen.getByRole('checkbox', { name: /Un smartphone/ }) as HTMLInputElement).checked).toBe(true);
    next();
    await screen.findByRole('heading', { level: 1, name: /Allez-vous sur internet/ });
    expect((screen.getByRole('radio', { name: /Souvent/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('switches language mid-run through the header menu and keeps the place and the answers', async () => {
    await startRun();
    fireEvent.click(screen.getByText('Un smartphone'));
    const toggle = screen.getByRole('button', { name: /Langue/, expanded: false });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    const options = within(list).getAllByRole('button');
    expect(options.map((o) => [o.textContent, o.getAttribute('lang'), o.getAttribute('aria-current')])).toEqual([
      ['Français', 'fr', 'true'],
      ['English', 'en', null],
    ]);
    // Escape closes the list and gives the focus back to the button.
    fireEvent.keyDown(options[1] as HTMLElement, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    fireEvent.click(within(list).getByText('English'));
    const heading = await screen.findByRole('heading', { level: 1, name: /Which devices do you have/ });
    expect(heading.textContent).toContain('Step 2 of at most 7');
    expect((screen.getByRole('checkbox', { name: /A smartphone/ }) as HTMLInputElement).checked).toBe(true);
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: /Language/ }).getAttribute('aria-expanded')).toBe('false');
  });

  it('says so where the browser has no voice, instead of showing a button that cannot read', async () => {
    await startRun();
    expect(screen.queryByRole('button', { name: 'Lire à voix haute' })).toBeNull();
    expect(await screen.findByText('Pas de lecture à voix haute dans cette langue sur cet appareil.')).toBeTruthy();
  });
});

describe('read aloud', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the question and its answers in the current language where the browser has a voice', async () => {
    const spoken: { text: string; lang: string }[] = [];
    const said: { onend: (() => void) | null }[] = [];
    class Utterance {
      lang = '';
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    }
    const synth = {
      getVoices: () => [{ lang: 'fr-FR', name: 'Amélie' }, { lang: 'en-GB', name: 'Daniel' }],
      speak: (u: Utterance) => {
        spoken.push({ text: u.text, lang: u.lang });
        said.push(u);
      },
      cancel: vi.fn(),
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    };
    vi.stubGlobal('speechSynthesis', synth);
    vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
    await startRun();
    const button = screen.getByRole('button', { name: 'Lire à voix haute' });
    fireEvent.click(button);
    expect(screen.getByRole('button', { name: 'Arrêter la lecture' }).getAttribute('aria-pressed')).toBe('true');
    // One text after the other (a questionnaire's recording, where there is one, would take a part's place).
    for (let i = 0; i < 3; i++) {
      await vi.waitFor(() => expect(said[i]).toBeDefined());
      said[i]?.onend?.();
    }
    await vi.waitFor(() => expect(spoken).toHaveLength(4));
    expect(spoken).toEqual(['Quels appareils avez-vous ?', '1. Un smartphone', '2. Un ordinateur', '3. Aucun'].map((text) => ({ text, lang: 'fr-FR' })));
  });

  it('is hidden when no voice speaks the language', async () => {
    vi.stubGlobal('speechSynthesis', { getVoices: () => [{ lang: 'de-DE' }], speak: vi.fn(), cancel: vi.fn() });
    vi.stubGlobal('SpeechSynthesisUtterance', class {});
    await startRun();
    expect(screen.queryByRole('button', { name: /voix haute/ })).toBeNull();
  });
});
