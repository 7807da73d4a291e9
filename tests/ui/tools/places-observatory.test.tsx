import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/core/index.ts';
import { placesOf } from '../../../src/core/places.ts';
import { addTally, EMPTY_TALLY_BOOK, tallyOf } from '../../../src/core/tally.ts';
import { memoryLocalData } from '../../../src/ui/pro/local-data.ts';
import ObservatorySection from '../../../src/ui/pro/observatory-section.tsx';
import PlacesSection from '../../../src/ui/pro/places-section.tsx';
import { exampleText, memoryVault, proRecord, renderSection } from './harness.tsx';

afterEach(cleanup);

const importPlaces = (text: string) =>
  fireEvent.change(screen.getByLabelText('Importer des lieux (fichier JSON)'), { target: { files: [new File([text], 'lieux.json', { type: 'application/json' })] } });

describe('the places section', () => {
  it('imports places in the national vocabulary, lists them, and exports them', async () => {
    const { local, files } = await renderSection(PlacesSection);
    await screen.findByRole('heading', { level: 1, name: 'Lieux proches' });
    importPlaces(exampleText('places'));
    await screen.findByText('4 lieux importés.');
    const card = screen.getByRole('heading', { level: 3, name: 'France Services du centre-ville' }).closest('li') as HTMLElement;
    expect(card.textContent).toContain('Aide aux démarches administratives · Accès internet et matériel informatique · Langues étrangères (anglais) · Surdité');
    expect(placesOf(local.data.places)).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter les lieux (fichier JSON)' }));
    expect(files[0]?.name).toBe('lieux.json');
    expect((JSON.parse(files[0]?.text ?? '[]') as { services: string[] }[])[1]?.services).toEqual(['Aide aux démarches administratives', 'Accès internet et matériel informatique']);
  });

  it('names an unknown term of the standard, the closest one, and changes nothing', async () => {
    const { local } = await renderSection(PlacesSection);
    await screen.findByRole('heading', { level: 1 });
    importPlaces(JSON.stringify([{ nom: 'Médiathèque', adresse: '2 rue Haute', services: ['Aide aux démarches administratives'], prise_en_charge_specifique: ['Illetrisme'] }]));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      "lieux.json — $[0].prise_en_charge_specifique[0] : la valeur « Illetrisme » n'est pas dans le vocabulaire de « prise_en_charge_specifique ».",
    );
    expect(alert.textContent).toContain('Vouliez-vous dire « Illettrisme » ?');
    expect(local.data.places).toBeUndefined();
  });

  it('adds a place with the form: required fields, services ticked, language codes', async () => {
    const { local } = await renderSection(PlacesSection);
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter un lieu' }));
    fireEvent.input(screen.getByLabelText('Langues parlées en plus du français'), { target: { value: 'arabe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le lieu' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Indiquez : Nom.',
      'Indiquez : Adresse.',
      'Cochez au moins un service.',
      'Langues : des codes de deux ou trois lettres séparés par des virgules (par exemple ar, uk).',
    ]);
    fireEvent.input(screen.getByLabelText('Nom'), { target: { value: 'Centre social Jean-Moulin' } });
    fireEvent.input(screen.getByLabelText('Adresse'), { target: { value: '5 place du Marché' } });
    fireEvent.input(screen.getByLabelText('Téléphone'), { target: { value: '01 00 00 00 05' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Aide aux démarches administratives' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Illettrisme' }));
    fireEvent.input(screen.getByLabelText('Langues parlées en plus du français'), { target: { value: 'ar, uk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le lieu' }));
    await screen.findByText('Lieu « Centre social Jean-Moulin » enregistré.');
    expect(placesOf(local.data.places)).toEqual([
      {
        id: 'centre-social-jean-moulin',
        nom: 'Centre social Jean-Moulin',
        adresse: '5 place du Marché',
        telephone: '01 00 00 00 05',
        services: ['Aide aux démarches administratives'],
        prise_en_charge_specifique: ['Illettrisme'],
        modalites_accompagnement: [],
        langues: ['ar', 'uk'],
      },
    ]);
  });
});

describe('the observatory section', () => {
  const outcome = (profile: string, internet: 'acquis' | 'a-travailler', flags: string[] = []) =>
    ({ profile, areas: [{ area: 'internet', level: internet, score: 1, points: 0, max: 0 }], global: 1, flags, steps: [], gaps: [] }) as unknown as Outcome;

  it('counts kiosk tallies and professional records over the period, as charts and tables, and exports them', async () => {
    let book = EMPTY_TALLY_BOOK;
    book = addTally(book, tallyOf('autonomie-numerique', outcome('decouverte', 'a-travailler', ['souhait-apprendre']), '2026-11-16'));
    book = addTally(book, tallyOf('autonomie-numerique', outcome('decouverte', 'a-travailler', ['souhait-apprendre']), '2026-11-17'));
    book = addTally(book, tallyOf('autonomie-numerique', outcome('autonome', 'acquis'), '2026-06-01'));
    const vault = memoryVault({
      records: {
        r1: proRecord('K7F-2QX', 'workshop', '2026-11-18T10:00:00.000Z', outcome('premiers-pas', 'a-travailler')),
        r2: { version: 1, code: 'ABC-DEF', session: { mode: 'interview', questionnaireId: 'autonomie-numerique', status: 'in-progress', updatedAt: '2026-11-18T10:00:00.000Z' } },
      },
    });
    const { files } = await renderSection(ObservatorySection, { vault, local: memoryLocalData({ 'observatory.tallies': book }) });
    await screen.findByRole('heading', { level: 1, name: 'Observatoire' });
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-11-16' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-11-22' } });
    await screen.findByText('3 diagnostics du 16 nov. 2026 au 22 nov. 2026.');

    const profiles = screen.getByRole('region', { name: 'Par profil' });
    expect(within(profiles).getByRole('img').getAttribute('aria-label')).toContain('Découvrir le numérique : 2 ; Premiers pas : 1');
    const modes = screen.getByRole('region', { name: 'Par mode' });
    const modeRows = within(within(modes).getByRole('table')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(modeRows).toEqual(['Borne2', 'Entretien0', 'Atelier1']);
    const areas = screen.getByRole('region', { name: 'Par domaine et niveau' });
    const areaSummary = within(areas).getByRole('img').getAttribute('aria-label');
    expect(areaSummary).toContain('Internet : À travailler 3, En cours 0, Acquis 0, Pas évalué 0');
    expect(areaSummary).toContain('Sécurité : À travailler 0, En cours 0, Acquis 0, Pas évalué 3');
    expect(within(areas).getByRole('row', { name: /^Internet/ }).textContent).toBe('Internet3000');
    const flags = screen.getByRole('region', { name: 'Par situation' });
    expect(within(flags).getByRole('rowheader', { name: 'Souhaite apprendre' }).nextElementSibling?.textContent).toBe('2');

    // The period is whole weeks: a date mid-week counts its whole week; June is outside.
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-01-01' } });
    await screen.findByText('4 diagnostics du 29 déc. 2025 au 22 nov. 2026.');

    const exportButton = screen.getByRole('button', { name: 'Exporter ces nombres (fichier CSV)' });
    expect(document.getElementById(exportButton.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Aucun code, aucune réponse, aucune date précise.');
    fireEvent.click(exportButton);
    const lines = files[0]?.text.split('\r\n') ?? [];
    expect(files[0]?.name).toBe('observatoire-2026-W01-2026-W47.csv');
    expect(lines[0]).toBe(
      'Repères — observatoire — EPN des Tilleuls : nombres anonymes de diagnostics du 2025-12-29 au 2026-11-22 (semaines ISO 2026-W01 à 2026-W47), par profil, domaine et niveau, situation, mode et semaine. Ni code, ni réponse, ni date précise.',
    );
    expect(lines.slice(1, 3)).toEqual(['Rubrique;Valeur;Nombre', 'Total;2026-W01 – 2026-W47;4']);
    expect(lines).toContain('Par mode;Borne;3');
    expect(lines).toContain('Par domaine et niveau;Internet — À travailler;3');
    expect(lines).not.toContain('K7F-2QX');
    expect(files[0]?.text).not.toContain('K7F-2QX');
  });

  it('says when the period is upside down', async () => {
    await renderSection(ObservatorySection);
    await screen.findByRole('heading', { level: 1 });
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-12-01' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-11-01' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Le premier jour doit venir avant le dernier.'));
  });
});
