import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/core/index.ts';
import { memoryLocalData } from '../../../src/ui/pro/local-data.ts';
import GroupSection from '../../../src/ui/pro/group-section.tsx';
import Placement from '../../../src/ui/pro/placement.tsx';
import { I18nContext } from '../../../src/ui/i18n-context.ts';
import { render } from '@testing-library/preact';
import { autonomie, exampleText, frenchWithProStrings, memoryVault, proRecord, renderSection } from './harness.tsx';

afterEach(cleanup);

const AREAS = ['acces', 'prise-en-main', 'internet', 'communication', 'demarches', 'securite'] as const;
function outcome(profile: string, levels: Partial<Record<(typeof AREAS)[number], 'a-travailler' | 'en-cours' | 'acquis'>>, flags: string[] = []): Outcome {
  const score = { 'a-travailler': 20, 'en-cours': 55, acquis: 90 };
  return {
    profile,
    areas: AREAS.map((area) => ({ area, level: levels[area] ?? 'acquis', score: score[levels[area] ?? 'acquis'], points: 0, max: 0 })),
    global: 50,
    flags,
    steps: [],
    gaps: [],
  } as unknown as Outcome;
}

const catalogue = () => {
  const c = JSON.parse(exampleText('workshops')) as { workshops: { id: string; capacity: number }[] };
  c.workshops = c.workshops.map((w) => (w.id === 'premiers-gestes' ? { ...w, capacity: 1 } : w));
  return c;
};

const records = {
  a: proRecord('K7F-2QX', 'workshop', '2026-11-20T09:00:00.000Z', outcome('decouverte', { 'prise-en-main': 'a-travailler', communication: 'a-travailler' })),
  b: proRecord('M3P-9RT', 'workshop', '2026-11-21T09:00:00.000Z', outcome('premiers-pas', { communication: 'a-travailler', internet: 'en-cours' })),
  old: proRecord('M3P-9RT', 'workshop', '2026-10-01T09:00:00.000Z', outcome('decouverte', { 'prise-en-main': 'a-travailler' })),
  interview: proRecord('ZZZ-222', 'interview', '2026-11-21T09:00:00.000Z', outcome('autonome', {})),
};

describe('the group section', () => {
  it('lists the workshop-mode learners by code, places them within capacity, and exports the roster as CSV', async () => {
    const vault = memoryVault({ records: records });
    const { files } = await renderSection(GroupSection, { vault, local: memoryLocalData({ workshops: catalogue() }) });
    const table = await screen.findByRole('table', { name: 'Apprenants et ateliers' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['K7F-2QX', 'M3P-9RT']);
    expect(rows[0]?.textContent).toContain('Découvrir le numérique');
    expect(rows[0]?.textContent).toContain('Utiliser un appareil, Courriel et messages');
    expect(rows[1]?.textContent).toContain('2026-11-21');

    fireEvent.change(screen.getByLabelText('Atelier pour K7F-2QX'), { target: { value: 'premiers-gestes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Placer K7F-2QX' }));
    await screen.findByText('K7F-2QX est placé dans « Premiers gestes sur tablette et ordinateur ».');
    expect(vault.data.roster?.group).toEqual({ assignments: { 'K7F-2QX': 'premiers-gestes' } });

    // One place only: the second learner is refused, and the list says the workshop is full.
    const select = screen.getByLabelText('Atelier pour M3P-9RT') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toContain('Premiers gestes sur tablette et ordinateur (complet)');
    fireEvent.change(select, { target: { value: 'premiers-gestes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Placer M3P-9RT' }));
    await screen.findByText(/« Premiers gestes sur tablette et ordinateur » est complet \(une seule place, déjà prise\)/);
    fireEvent.change(select, { target: { value: 'courriel-debutant' } });
    fireEvent.click(screen.getByRole('button', { name: 'Placer M3P-9RT' }));
    await screen.findByText('M3P-9RT est placé dans « Mon adresse de courriel ».');

    const exportButton = screen.getByRole('button', { name: 'Exporter la liste du groupe (fichier CSV)' });
    expect(document.getElementById(exportButton.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/Une ligne par apprenant : code, date du diagnostic/);
    fireEvent.click(exportButton);
    expect(files[0]?.name).toMatch(/^groupe-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(files[0]?.type).toBe('text/csv');
    expect(files[0]?.text.split('\r\n')).toEqual([
      'Code;Date du diagnostic;Profil;Domaines à travailler;Atelier;Niveau;Horaires;Lieu',
      'K7F-2QX;2026-11-20;Découvrir le numérique;Utiliser un appareil, Courriel et messages;Premiers gestes sur tablette et ordinateur;Débutant;Mardis 14 h – 15 h 30;Salle 1, EPN des Tilleuls',
      'M3P-9RT;2026-11-21;Premiers pas;Courriel et messages, Internet;Mon adresse de courriel;Débutant;Jeudis 10 h – 12 h;Salle 1, EPN des Tilleuls',
      '',
    ]);

    fireEvent.click(screen.getByRole('button', { name: "Retirer K7F-2QX de l'atelier" }));
    await screen.findByText("K7F-2QX n'est plus placé.");
    expect(vault.data.roster?.group).toEqual({ assignments: { 'M3P-9RT': 'courriel-debutant' } });
  });

  it('frees the place of a learner whose diagnostic was deleted', async () => {
    const vault = memoryVault({ records: { a: records.a }, roster: { group: { assignments: { 'OLD-111': 'premiers-gestes' } } } });
    await renderSection(GroupSection, { vault, local: memoryLocalData({ workshops: catalogue() }) });
    const select = (await screen.findByLabelText('Atelier pour K7F-2QX')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toContain('Premiers gestes sur tablette et ordinateur (1 place restante)');
    fireEvent.change(select, { target: { value: 'premiers-gestes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Placer K7F-2QX' }));
    await screen.findByText('K7F-2QX est placé dans « Premiers gestes sur tablette et ordinateur ».');
    expect(vault.data.roster?.group).toEqual({ assignments: { 'K7F-2QX': 'premiers-gestes' } });
  });

  it('says when there is no learner yet', async () => {
    await renderSection(GroupSection, { vault: memoryVault({ records: { i: records.interview } }) });
    expect(await screen.findByText('Aucun diagnostic en mode atelier pour l\'instant.')).toBeTruthy();
    expect(screen.getByText(/Le catalogue est vide/)).toBeTruthy();
  });
});

describe('the placement on a professional result', () => {
  it('suggests workshops and places for the result and places the learner', async () => {
    const t = await frenchWithProStrings();
    const vault = memoryVault();
    const local = memoryLocalData({ workshops: catalogue(), places: JSON.parse(exampleText('places')) });
    render(
      <I18nContext.Provider value={{ t, language: 'fr' }}>
        <Placement vault={vault} local={local} questionnaire={autonomie()} code="K7F-2QX" outcome={outcome('decouverte', { 'prise-en-main': 'a-travailler', communication: 'a-travailler' }, ['lecture-difficile'])} />
      </I18nContext.Provider>,
    );
    const workshops = await screen.findByRole('region', { name: 'Ateliers proposés' });
    expect(within(workshops).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Mon adresse de courriel', 'Premiers gestes sur tablette et ordinateur']);
    expect(within(workshops).getAllByText('Au niveau qui convient.')).toHaveLength(2);
    fireEvent.click(within(workshops).getByRole('button', { name: 'Placer K7F-2QX dans « Premiers gestes sur tablette et ordinateur »' }));
    await screen.findByText('K7F-2QX est placé dans cet atelier.');
    expect(vault.data.roster?.group).toEqual({ assignments: { 'K7F-2QX': 'premiers-gestes' } });
    // The workshop with one place is now full: it goes last and says so.
    await waitFor(() => expect(within(workshops).getAllByRole('heading', { level: 3 })[1]?.textContent).toBe('Premiers gestes sur tablette et ordinateur'));

    const places = screen.getByRole('region', { name: 'Lieux qui correspondent' });
    const first = within(places).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(first).getByRole('heading').textContent).toBe('Espace public numérique des Tilleuls');
    expect(first.textContent).toContain('Correspond : Illettrisme');
  });
});
