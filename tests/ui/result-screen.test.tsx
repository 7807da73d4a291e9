import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunEntry } from '../../src/run/run-controller.ts';
import type { SessionEvents } from '../../src/ui/session-events.ts';
import { parseResultFragment } from '../../src/ui/result-link-read.ts';
import { renderKiosk } from './kiosk-harness.tsx';
import { QUESTIONNAIRES_DIR } from '../../scripts/questionnaire-files.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

const next = () => fireEvent.click(screen.getByRole('button', { name: /Suivant|Voir mon résultat/ }));

/** Answers each screen by the visible text of the answers to pick, then goes on. */
async function run(...screens: string[][]) {
  fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
  await screen.findByRole('heading', { level: 1, name: /Bienvenue/ });
  next();
  for (const answers of screens) {
    const before = screen.getByRole('heading', { level: 1 }).textContent;
    for (const text of answers) fireEvent.click(screen.getByText(text));
    next();
    // The result comes with import(): the first test of the file waits for its first transform.
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe(before), { timeout: 5000 });
  }
  // The last screen's heading has changed: the result (each test then names the profile it expects).
  return screen.getByRole('heading', { level: 1 });
}

describe('result screen', () => {
  it('shows the profile, the areas in words with strengths first, the next steps and that it is advice', async () => {
    await renderKiosk();
    await run(['Un smartphone', 'Un ordinateur'], ['Souvent'], ['Je pourrais montrer à quelqu\'un'], ['Je pourrais montrer à quelqu\'un'], ['Je le supprime'], ['Non']);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Autonome' });
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText(/Vous faites vos démarches seul·e/)).toBeTruthy();

    const areas = within(screen.getByRole('region', { name: /Vos repères/ })).getAllByRole('listitem');
    expect(areas.map((a) => a.querySelector('.area__name')?.textContent)).toEqual(['Équipement', 'Internet', 'Courriel', 'Démarches en ligne', 'Sécurité']);
    expect(areas.every((a) => a.textContent?.includes('Acquis'))).toBe(true);

    const steps = screen.getByRole('region', { name: 'Prochaines étapes' });
    expect(within(steps).getByRole('heading', { level: 3, name: 'Devenir relais' })).toBeTruthy();
    expect(screen.getByText(/c'est un conseil|Ce résultat est un conseil/)).toBeTruthy();
    expect(screen.getByText(/Ce n'est pas une décision/)).toBeTruthy();
  });

  it('lists weaker areas after strengths, each level in words', async () => {
    await renderKiosk();
    await run(['Un smartphone'], ['Parfois'], ['Je ne sais pas faire'], ['Avec de l\'aide'], ['Je réponds'], ['Oui']);
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    const levels = within(screen.getByRole('region', { name: /Vos repères/ }))
      .getAllByRole('listitem')
      .map((a) => a.querySelector('.area__level')?.textContent);
    expect(levels).toEqual(['En cours', 'En cours', 'En cours', 'À travailler', 'À travailler']);
    const steps = within(screen.getByRole('region', { name: 'Prochaines étapes' })).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(steps).toEqual(['France Services', 'Atelier courriel', 'Atelier sécurité']);
    expect(screen.getByRole('link', { name: /france-services\.gouv\.fr/ }).getAttribute('href')).toBe('https://www.france-services.gouv.fr');
  });

  it("shows the person only the first steps when the questionnaire says so (maxForPerson), the urgent first", async () => {
    const structure = JSON.parse(readFileSync(join(QUESTIONNAIRES_DIR, 'exemple', 'questionnaire.json'), 'utf8'));
    structure.recommendations.maxForPerson = 2;
    await renderKiosk({ overrides: { './questionnaires/exemple/questionnaire.json': JSON.stringify(structure) } });
    await run(['Un smartphone'], ['Parfois'], ['Je ne sais pas faire'], ['Avec de l\'aide'], ['Je réponds'], ['Oui']);
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    const steps = within(screen.getByRole('region', { name: 'Prochaines étapes' })).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(steps).toEqual(['France Services', 'Atelier courriel']);
  });

  it('names the local places that fit the result, when the structure entered some', async () => {
    const places = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'places.example.json'), 'utf8')) as unknown;
    const events: SessionEvents = { localPlaces: () => Promise.resolve(places) };
    await renderKiosk({ events });
    await run(['Un smartphone'], ['Parfois'], ['Je ne sais pas faire'], ['Avec de l\'aide'], ['Je réponds'], ['Oui']);
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    const nearby = await screen.findByRole('region', { name: "Près d'ici" });
    const names = within(nearby).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    // An urgent procedure ("Oui"): the places that help with procedures first, then the one with workshops on the weak areas.
    expect(names).toEqual(['Association Passerelles', 'France Services du centre-ville', 'Espace public numérique des Tilleuls']);
    // The hours as sentences, the phone grouped the French way (dialling the number as stored), the address isolated left to right.
    const paragraphs = [...nearby.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toContain('Horaires : Du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h 30. Le samedi, de 9 h à 12 h.');
    expect(paragraphs).toContain('Horaires : Le mardi et le jeudi, de 14 h à 18 h.');
    const address = within(nearby).getByText('12 rue des Tilleuls, 93100 Montreuil');
    expect([address.tagName, address.getAttribute('dir')]).toEqual(['BDI', 'ltr']);
    expect(within(nearby).getByRole('link', { name: 'Téléphone : 01 00 00 00 01' }).getAttribute('href')).toBe('tel:+33100000001');
    // The QR link carries the places, as shown: a phone has not the structure's list.
    const qr = await screen.findByRole('img', { name: /QR code/ });
    const shared = parseResultFragment(new URL(qr.getAttribute('data-url') ?? '').hash);
    expect(shared?.places?.map((p) => p.nom)).toEqual(names);
    expect(shared?.places?.[2]).toEqual({
      nom: 'Espace public numérique des Tilleuls',
      adresse: '12 rue des Tilleuls',
      code_postal: '93100',
      commune: 'Montreuil',
      telephone: '+33100000001',
      horaires: 'Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00',
    });
  });

  it('names no place when the structure entered none', async () => {
    await renderKiosk({ events: { localPlaces: () => Promise.resolve(undefined) } });
    await run(['Un smartphone'], ['Parfois'], ['Je ne sais pas faire'], ['Avec de l\'aide'], ['Je réponds'], ['Oui']);
    await screen.findByRole('heading', { level: 1, name: 'Premiers pas' });
    expect(screen.queryByRole('region', { name: "Près d'ici" })).toBeNull();
  });

  it('shows a phone number as a link, and a QR code carrying the result in the URL fragment', async () => {
    await renderKiosk();
    await run(['Aucun'], ['Jamais'], ['Non'], ['Non']);
    await screen.findByRole('heading', { level: 1, name: 'Être accompagné pour vos démarches' });
    expect(screen.getByRole('link', { name: 'Téléphone : 01 70 77 23 72' }).getAttribute('href')).toBe('tel:0170772372');
    const qr = await screen.findByRole('img', { name: /QR code/ });
    const url = new URL(qr.getAttribute('data-url') ?? '');
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#\/r\?q=exemple&p=faire-pour&a=acces:a-travailler,internet:a-travailler,communication:a-travailler,demarches:a-travailler,securite:-&s=france-services,solidarite-numerique,atelier-courriel&l=fr$/);
  });

  it('writes the run through the persistence seam and wipes it with "Terminer et effacer"', async () => {
    const saved: RunEntry[] = [];
    const events: SessionEvents = { sink: vi.fn(() => ({ save: async (entry: RunEntry) => (saved.push(entry), { ok: true }), forget: async () => undefined })), forgotten: vi.fn() };
    await renderKiosk({ events });
    await run(['Aucun'], ['Jamais'], ['Oui'], ['Non']);
    await screen.findByRole('heading', { level: 1, name: 'Découvrir le numérique' });
    expect(events.sink).toHaveBeenCalledTimes(1);
    // Each write waits until the next screen is painted (after-paint.ts; answers given within one
    // frame share a write), never lost: the run as it goes, then the finished one.
    await vi.waitFor(() => expect(saved[0]?.session).toEqual(expect.objectContaining({ questionnaireId: 'exemple', language: 'fr', mode: 'kiosk' })));
    await vi.waitFor(() => expect(saved.at(-1)).toEqual(expect.objectContaining({ session: expect.objectContaining({ status: 'completed' }), outcome: expect.objectContaining({ profile: 'decouverte' }) })));
    for (const entry of saved) expect(entry.session).toEqual(expect.objectContaining({ questionnaireId: 'exemple', language: 'fr', mode: 'kiosk', id: saved[0]?.session.id }));
    const replace = vi.spyOn(window.history, 'replaceState');
    const push = vi.spyOn(window.history, 'pushState');
    fireEvent.click(screen.getByRole('button', { name: 'Terminer et effacer' }));
    const start = await screen.findByRole('heading', { level: 1, name: "Questionnaire d'exemple" });
    await vi.waitFor(() => expect(document.activeElement).toBe(start));
    expect(events.forgotten).toHaveBeenCalledTimes(1);
    expect(replace).toHaveBeenCalled();
    expect(push).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
    await screen.findByRole('heading', { level: 1, name: /Bienvenue/ });
    next();
    await screen.findByRole('heading', { level: 1, name: /Quels appareils/ });
    expect(screen.getAllByRole('checkbox').some((c) => (c as HTMLInputElement).checked)).toBe(false);
  });

  it('prints the roadmap with the browser', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await renderKiosk();
    await run(['Aucun'], ['Jamais'], ['Non'], ['Non']);
    fireEvent.click(await screen.findByRole('button', { name: 'Imprimer ma feuille de route' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('opens the same result from the QR link, in its language, with nothing else', async () => {
    window.history.replaceState(null, '', '/#/r?q=exemple&p=presque-autonome&a=acces:acquis,internet:acquis,communication:en-cours,demarches:a-travailler,securite:-&s=atelier-securite,nope&l=en');
    await renderKiosk();
    await screen.findByRole('heading', { level: 1, name: 'Almost independent' });
    const levels = within(screen.getByRole('region', { name: /area by area/ }))
      .getAllByRole('listitem')
      .map((a) => a.querySelector('.area__level')?.textContent);
    expect(levels).toEqual(['Mastered', 'Mastered', 'In progress', 'To work on', 'Not assessed']);
    expect(within(screen.getByRole('region', { name: 'Next steps' })).getAllByRole('heading', { level: 3 })).toHaveLength(1);
    expect(screen.getByText(/opened from a QR code/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close this result' }));
    await screen.findByRole('heading', { level: 1, name: 'Sample questionnaire' });
    expect(window.location.hash).toBe('');
  });
});
