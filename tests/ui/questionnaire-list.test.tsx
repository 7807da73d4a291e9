// The start screen of a kiosk whose settings offer several questionnaires: each one's own title,
// intro and duration as one large button; choosing one starts the run on it.
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchChoices } from '../../src/ui/questionnaire-list.tsx';
import { diskFetcher, indexEntry, renderKiosk } from './kiosk-harness.tsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const index = JSON.stringify([indexEntry('exemple'), indexEntry('rester-en-contact')]);
const offering = (settings: object) => ({
  overrides: { './settings.json': JSON.stringify({ structure: 'Espace public numérique', languages: ['fr', 'en'], defaultQuestionnaire: 'exemple', questionnaires: ['exemple', 'rester-en-contact'], ...settings }), './questionnaires/index.json': index },
});

describe('the list of several questionnaires', () => {
  it('shows each one’s title, intro and duration as a large button, instead of « Commencer »', async () => {
    await renderKiosk(offering({}));
    expect(screen.getByRole('heading', { level: 1, name: 'Où en êtes-vous avec le numérique ?' })).toBeTruthy();
    const list = screen.getByRole('region', { name: 'Choisissez un questionnaire' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-labelledby') && document.getElementById(b.getAttribute('aria-labelledby') ?? '')?.textContent)).toEqual([
      "Questionnaire d'exemple",
      'Rester en contact avec ses proches',
    ]);
    const contact = within(list).getByRole('button', { name: 'Rester en contact avec ses proches' });
    const { min, max } = indexEntry('rester-en-contact').checked?.duration ?? { min: 0, max: 0 };
    const duration = min < max ? `Cela prend de ${min} à ${max} minutes, selon vos réponses.` : `Cela prend environ ${max} minutes.`;
    expect(contact.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent)).toEqual([
      "Six questions sur les messages, les photos et les appels vidéo, pour trouver l'aide ou l'atelier qui vous convient.",
      duration,
    ]);
    expect(screen.queryByRole('button', { name: /Commencer/ })).toBeNull();
    expect(screen.getByText(/Rien n'est gardé/)).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Choisissez votre langue' })).toBeTruthy();
  });

  it('starts the run on the questionnaire chosen, its first question’s heading focused', async () => {
    await renderKiosk(offering({}));
    fireEvent.click(screen.getByRole('button', { name: 'Rester en contact avec ses proches' }));
    const heading = await screen.findByRole('heading', { level: 1, name: /Quel appareil utilisez-vous pour garder le contact/ });
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('switches the titles to the language chosen; one without that language shows its own, marked with its lang', async () => {
    await renderKiosk(offering({ languages: ['fr', 'ar'], defaultQuestionnaire: 'rester-en-contact' }));
    fireEvent.click(screen.getByRole('button', { name: 'العربية' }));
    const contact = await screen.findByRole('button', { name: 'البقاء على تواصل مع أحبائك' });
    expect(document.documentElement.dir).toBe('rtl');
    expect(contact.querySelector('.choice__title')?.getAttribute('lang')).toBe('ar');
    const sample = screen.getByRole('button', { name: "Questionnaire d'exemple" });
    expect(sample.querySelector('.choice__title')?.getAttribute('lang')).toBe('fr');
  });
});

describe('fetchChoices', () => {
  it('reads only each locale file, in the language asked or the questionnaire’s default one, and names an unreadable one by its id', async () => {
    const fetcher = diskFetcher({ overrides: { './questionnaires/rester-en-contact/locales/en.json': '{ broken' } });
    const choices = await fetchChoices(fetcher, [indexEntry('exemple'), indexEntry('rester-en-contact')], 'en');
    expect(choices.map((c) => [c.id, c.language, c.title, c.intro === ''])).toEqual([
      ['exemple', 'en', 'Sample questionnaire', false],
      ['rester-en-contact', 'en', 'rester-en-contact', true],
    ]);
    const arabic = await fetchChoices(fetcher, [indexEntry('exemple')], 'ar');
    expect(arabic.map((c) => [c.language, c.title])).toEqual([['fr', "Questionnaire d'exemple"]]);
    expect(fetcher.requested.every((url) => url.includes('/locales/'))).toBe(true);
  });
});
