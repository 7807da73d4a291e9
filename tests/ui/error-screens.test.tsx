import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUESTIONNAIRES_DIR } from '../../scripts/questionnaire-files.ts';
import { ErrorBoundary } from '../../src/ui/error-boundary.tsx';
import { indexEntry, renderKiosk } from './kiosk-harness.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

const structure = readFileSync(join(QUESTIONNAIRES_DIR, 'exemple', 'questionnaire.json'), 'utf8');

describe('never a white screen', () => {
  it('shows the validator\'s messages for a broken questionnaire', async () => {
    const broken = structure.replace('"start": "bienvenue"', '"start": "bienvenu"').replace('"kind": "scale"', '"kind": "echelle"');
    await renderKiosk({ overrides: { './questionnaires/exemple/questionnaire.json': broken } });
    expect(screen.getByRole('heading', { level: 1, name: /Le questionnaire ne peut pas être affiché/ })).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain('exemple/questionnaire.json — $.start : aucune question ne s\'appelle « bienvenu ». Vérifiez l\'orthographe ou ajoutez cette question. Vouliez-vous dire « bienvenue » ?');
    expect(items.some((i) => i?.includes('$.questions[3] « courriel ».kind') && i.includes('« echelle » n\'existe pas'))).toBe(true);
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });

  it('says plainly that a forged or outdated result link cannot be opened, and goes to the start', async () => {
    for (const hash of ['#/r?q=ancien-questionnaire&p=autonome&a=acces:acquis&l=fr', '#/r?q=exemple&p=profil-invente&a=acces:acquis&l=fr']) {
      window.history.replaceState(null, '', `/${hash}`);
      await renderKiosk();
      await screen.findByRole('heading', { level: 1, name: 'Ce lien de résultat ne peut pas être ouvert' });
      expect(screen.queryByText(/Vérifiez la connexion/)).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: "Aller à l'accueil" }));
      await screen.findByRole('heading', { level: 1, name: "Questionnaire d'exemple" });
      expect(window.location.hash).toBe('');
      cleanup();
    }
  });

  it('says it in the link\'s own language, right to left for Arabic', async () => {
    window.history.replaceState(null, '', '/#/r?q=ancien-questionnaire&p=autonome&a=acces:acquis&l=ar');
    await renderKiosk();
    await screen.findByRole('heading', { level: 1, name: 'لا يمكن فتح رابط النتيجة هذا' });
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    fireEvent.click(screen.getByRole('button', { name: 'الذهاب إلى الصفحة الأولى' }));
    // The start screen is the structure's, in its first language again.
    await screen.findByRole('heading', { level: 1, name: "Questionnaire d'exemple" });
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('shows a broken locale file\'s problems too', async () => {
    await renderKiosk({ overrides: { './questionnaires/exemple/locales/fr.json': '{ "title": "x", }' } });
    expect(screen.getByRole('heading', { level: 1, name: /Le questionnaire ne peut pas être affiché/ })).toBeTruthy();
    expect(screen.getByText(/exemple\/locales\/fr\.json — \$ : ce n'est pas du JSON valide \(ligne 1/)).toBeTruthy();
  });

  it('shows the problems of a broken settings file', async () => {
    await renderKiosk({ overrides: { './settings.json': JSON.stringify({ idleSeconds: 'long', modes: ['kiosque'] }) } });
    expect(screen.getByRole('heading', { level: 1, name: /Les réglages de la structure contiennent des erreurs/ })).toBeTruthy();
    expect(screen.getByText(/settings\.json — \$\.modes\[0\] : le mode « kiosque » n'existe pas/)).toBeTruthy();
    expect(screen.getByText(/settings\.json — \$\.idleSeconds : un nombre est attendu ici/)).toBeTruthy();
  });

  it('falls back to the defaults, with a notice, when settings.json is missing', async () => {
    // A build whose questionnaire is a real one (the sample, unmarked here).
    const { example: _sample, ...real } = indexEntry();
    await renderKiosk({ overrides: { './settings.json': null, './questionnaires/index.json': JSON.stringify([real]) } });
    expect(screen.getByRole('heading', { level: 1, name: "Questionnaire d'exemple" })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('réglages par défaut');
    expect(screen.getByRole('button', { name: 'English' })).toBeTruthy();
  });

  it('never offers a sample of the format to the public: with no settings.json and only the sample, the structure is told', async () => {
    await renderKiosk({ overrides: { './settings.json': null } });
    expect(screen.getByRole('heading', { level: 1, name: 'Les réglages de la structure contiennent des erreurs' })).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent).join(' ')).toContain("aucun questionnaire à proposer au public : ce site n'a que des questionnaires d'exemple (exemple)");
    expect(screen.queryByRole('button', { name: /Commencer/ })).toBeNull();
  });

  it('says so when the questionnaire cannot be fetched, and "Réessayer" tries again', async () => {
    let missing = true;
    const overrides = {
      get './questionnaires/exemple/questionnaire.json'() {
        return missing ? null : structure;
      },
    };
    await renderKiosk({ overrides });
    expect(screen.getByRole('heading', { level: 1, name: 'Le questionnaire est introuvable' })).toBeTruthy();
    missing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('heading', { level: 1, name: "Questionnaire d'exemple" })).toBeTruthy();
  });

  it('catches a rendering error and offers "Réessayer"', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { setLanguage } = await import('../../src/i18n/index.ts');
    await setLanguage('fr');
    let fail = true;
    const Bomb = () => {
      if (fail) throw new Error('boom');
      return <p>ok</p>;
    };
    const onReset = vi.fn(() => {
      fail = false;
    });
    render(
      <ErrorBoundary onReset={onReset}>
        <Bomb />
      </ErrorBoundary>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: /Un problème est survenu/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(onReset).toHaveBeenCalled();
    expect(await screen.findByText('ok')).toBeTruthy();
  });
});
