import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/core/index.ts';
import { placesOf } from '../../../src/core/places.ts';
import { addTally, EMPTY_TALLY_BOOK, tallyOf } from '../../../src/core/tally.ts';
import { memoryLocalData } from '../../../src/ui/pro/local-data.ts';
import ObservatorySection from '../../../src/ui/pro/observatory-section.tsx';
import PlacesSection from '../../../src/ui/pro/places-section.tsx';
import { autonomie, exampleText, memoryVault, proRecord, renderSection } from './harness.tsx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadQuestionnaire } from '../../../src/core/index.ts';
import { QUESTIONNAIRES_DIR, ROOT, readQuestionnaireFolder } from '../../../scripts/questionnaire-files.ts';

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

describe('the data·inclusion import', () => {
  const example = (name: string) => readFileSync(join(ROOT, 'docs', 'data-inclusion', name), 'utf8');
  const importDi = (...files: [string, string][]) =>
    fireEvent.change(screen.getByLabelText('Fichiers data·inclusion (JSON ou CSV)'), { target: { files: files.map(([name, text]) => new File([text], name)) } });

  it('adds the structures offering digital help to the places already there, and reads CSV the same', async () => {
    const { local } = await renderSection(PlacesSection);
    await screen.findByRole('heading', { level: 1, name: 'Lieux proches' });
    importPlaces(exampleText('places'));
    await screen.findByText('4 lieux importés.');
    importDi(['structures.csv', example('structures.csv')], ['services.csv', example('services.csv')]);
    await screen.findByText(
      '4 lieux importés depuis data·inclusion (5 structures et 6 services lus ; 1 laissés de côté : sans aide au numérique ou sans adresse).',
    );
    expect(placesOf(local.data.places)).toHaveLength(8);
    const card = screen.getByRole('heading', { level: 3, name: 'Association Clic Solidaire' }).closest('li') as HTMLElement;
    expect(card.textContent).toContain('Accès internet et matériel informatique · Acquisition de matériel informatique à prix solidaire');
    // Imported again, replacing: only data·inclusion's places remain, each once.
    fireEvent.click(screen.getByRole('radio', { name: 'Les remplacer tous par ceux du fichier' }));
    importDi(['structures.json', example('structures.json')], ['services.json', example('services.json')]);
    await waitFor(() => expect(placesOf(local.data.places).map((p) => p.nom)).toEqual(['Médiathèque des Tilleuls', 'France services de la Gare', 'Association Clic Solidaire', 'Centre social Jean-Jaurès']));
  });

  it('refuses a file whole: HTML in a name shown as text, an unknown term with the closest one, nothing changed', async () => {
    const { local } = await renderSection(PlacesSection, { local: memoryLocalData({ places: [] }) });
    await screen.findByRole('heading', { level: 1, name: 'Lieux proches' });
    const structures = JSON.parse(example('structures.json')) as Record<string, unknown>[];
    structures[0]!.nom = '<img src=x onerror="document.title=1">Médiathèque';
    const services = JSON.parse(example('services.json')) as Record<string, unknown>[];
    services[1]!.modes_accueil = ['en-presentielle'];
    importDi(['structures.json', JSON.stringify(structures)], ['services.json', JSON.stringify(services)]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Les fichiers n\'ont pas été importés : rien n\'a changé. À corriger :');
    const lines = within(alert).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual([
      'structures.json — $[0].nom : le nom contient du balisage HTML (<img src=x onerror="document.title=1">). Repères ne l\'afficherait jamais comme du HTML, mais ce n\'est pas un nom : retirez-le du fichier.',
      'services.json — $[1].modes_accueil[0] : « en-presentielle » n\'est pas une valeur de « modes_accueil » dans le schéma data·inclusion v1. Recopiez une valeur du référentiel exactement. Vouliez-vous dire « en-presentiel » ?',
    ]);
    expect(document.querySelector('img')).toBeNull();
    expect(local.data.places).toEqual([]);
  });

  it('says how many rows are too many, and shows at most 50 problems with the count of the rest', async () => {
    await renderSection(PlacesSection);
    await screen.findByRole('heading', { level: 1, name: 'Lieux proches' });
    const one = (JSON.parse(example('structures.json')) as Record<string, unknown>[])[0]!;
    importDi(['grand.json', JSON.stringify(Array.from({ length: 10_000 }, (_, i) => ({ ...one, id: `x--${i}` })))]);
    expect((await screen.findByRole('alert')).textContent).toContain('10000 structures et services en tout ; Repères en importe 5000 au plus.');
    cleanup();
    await renderSection(PlacesSection);
    await screen.findByRole('heading', { level: 1, name: 'Lieux proches' });
    importDi(['dates.json', JSON.stringify(Array.from({ length: 80 }, (_, i) => ({ ...one, id: `x--${i}`, date_maj: 'hier' })))]);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByRole('listitem')).toHaveLength(50);
    expect(alert.textContent).toContain('… et 30 autres problèmes.');
  });
});

describe('the observatory section', () => {
  const outcome = (profile: string, internet: 'acquis' | 'a-travailler', flags: string[] = []) =>
    ({ profile, areas: [{ area: 'internet', level: internet, score: 1, points: 0, max: 0 }], global: 1, flags, steps: [], gaps: [] }) as unknown as Outcome;

  /** Kiosk tallies of November 2026: 8 × découvrir (wanting to learn), 3 × autonome, and one in June. */
  function tallies() {
    let book = EMPTY_TALLY_BOOK;
    for (let i = 0; i < 8; i++) book = addTally(book, tallyOf('autonomie-numerique', outcome('decouverte', 'a-travailler', ['souhait-apprendre']), `2026-11-${16 + (i % 2)}`));
    for (let i = 0; i < 3; i++) book = addTally(book, tallyOf('autonomie-numerique', outcome('autonome', 'acquis'), '2026-11-18'));
    return addTally(book, tallyOf('autonomie-numerique', outcome('autonome', 'acquis'), '2026-06-01'));
  }
  const records = () =>
    memoryVault({
      records: {
        r1: proRecord('K7F-2QX', 'workshop', '2026-11-18T10:00:00.000Z', outcome('premiers-pas', 'a-travailler')),
        r2: { version: 1, code: 'ABC-DEF', session: { mode: 'interview', questionnaireId: 'autonomie-numerique', status: 'in-progress', updatedAt: '2026-11-18T10:00:00.000Z' } },
      },
    });

  it('counts kiosk tallies and professional records over the period, small counts marked as hidden, never as 0', async () => {
    await renderSection(ObservatorySection, { vault: records(), local: memoryLocalData({ 'observatory.tallies': tallies() }) });
    await screen.findByRole('heading', { level: 1, name: 'Observatoire' });
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-11-16' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-11-22' } });
    await screen.findByText('12 diagnostics du 16 nov. 2026 au 22 nov. 2026.');
    expect(screen.getByText(/^Observatoire de EPN des Tilleuls — Votre autonomie numérique — du 16 nov. 2026 au 22 nov. 2026/)).toBeTruthy();

    // Profiles: découvrir 8; premiers pas 1 and autonome 3 are hidden; nobody elsewhere: 0.
    const profiles = screen.getByRole('region', { name: 'Par profil' });
    const profileRows = within(within(profiles).getByRole('table')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(profileRows).toEqual(['Être accompagné·e pour vos démarches0', 'Découvrir le numérique8', 'Premiers pasmasqué', 'Presque autonome0', 'Autonomemasqué']);
    expect(within(profiles).getByRole('img').getAttribute('aria-label')).toContain('Découvrir le numérique : 8 ; Premiers pas : masqué');
    // Modes: kiosk 11, interview 0, workshop 1: the 1 and, so that 12 − 11 does not give it back, the 11.
    const modes = screen.getByRole('region', { name: 'Par mode' });
    expect(within(within(modes).getByRole('table')).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['Bornemasqué', 'Entretien0', 'Ateliermasqué']);
    const areas = screen.getByRole('region', { name: 'Par domaine et niveau' });
    // Internet: 9 to work on, 3 acquired: the 3 goes, and the 9 with it; security was never assessed.
    expect(within(areas).getByRole('row', { name: /^Internet/ }).textContent).toBe('Internetmasqué0masqué0');
    expect(within(areas).getByRole('row', { name: /^Sécurité/ }).textContent).toBe('Sécurité00012');
    const flags = screen.getByRole('region', { name: 'Par situation' });
    expect(within(flags).getByRole('rowheader', { name: 'Souhaite apprendre' }).nextElementSibling?.textContent).toBe('8');
    // No count from 1 to 4 anywhere on the screen.
    const cells = [...document.querySelectorAll('.pro-table td:not(.pro-print-cell)')].map((td) => td.textContent);
    expect(cells.filter((c) => /^[1-4]$/.test(c ?? ''))).toEqual([]);
    expect(cells).toContain('masqué');
  });

  it('hides every number when the period holds fewer than five diagnostics', async () => {
    await renderSection(ObservatorySection, { vault: records(), local: memoryLocalData({ 'observatory.tallies': tallies() }) });
    await screen.findByRole('heading', { level: 1, name: 'Observatoire' });
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-05-25' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-06-07' } });
    await screen.findByText(/^Moins de 5 diagnostics du 25 mai 2026 au 7 juin 2026 : tous les nombres sont masqués/);
    const cells = [...document.querySelectorAll('.pro-table td:not(.pro-print-cell)')].map((td) => td.textContent);
    expect(new Set(cells)).toEqual(new Set(['masqué']));
  });

  it('counts the chosen questionnaire only, and exports a long CSV ready for a pivot table', async () => {
    const exemple = loadQuestionnaire(readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'exemple')), { reachability: false });
    if (!exemple.ok) throw new Error('exemple does not load');
    const { files } = await renderSection(ObservatorySection, {
      vault: records(),
      local: memoryLocalData({ 'observatory.tallies': tallies() }),
      questionnaires: async () => [autonomie(), exemple.loaded],
    } as never);
    await screen.findByRole('heading', { level: 1, name: 'Observatoire' });
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-11-16' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-11-22' } });
    await screen.findByText('12 diagnostics du 16 nov. 2026 au 22 nov. 2026.');

    const exportButton = screen.getByRole('button', { name: 'Exporter ces nombres (fichier CSV)' });
    expect(document.getElementById(exportButton.getAttribute('aria-describedby') ?? '')?.textContent).toContain('format long');
    fireEvent.click(exportButton);
    expect(files[0]?.name).toBe('observatoire-autonomie-numerique-2026-W47-2026-W47.csv');
    const lines = files[0]?.text.split('\r\n') ?? [];
    expect(lines[0]).toBe('Début de période;Fin de période;Questionnaire;Indicateur;Catégorie;Valeur;Effectif;Note');
    expect(lines[1]).toBe("2026-11-16;2026-11-22;Votre autonomie numérique;Total;;;12;");
    expect(lines).toContain("2026-11-16;2026-11-22;Votre autonomie numérique;Profil;Découvrir le numérique;;8;");
    expect(lines).toContain("2026-11-16;2026-11-22;Votre autonomie numérique;Profil;Premiers pas;;;masqué (secret statistique)");
    expect(lines).toContain("2026-11-16;2026-11-22;Votre autonomie numérique;Domaine;Internet;À travailler;;masqué (secret statistique)");
    expect(lines).toContain("2026-11-16;2026-11-22;Votre autonomie numérique;Domaine;Sécurité;Pas évalué;12;");
    expect(files[0]?.text).not.toContain('K7F-2QX');

    const select = await screen.findByRole('combobox', { name: 'Questionnaire' });
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    fireEvent.change(select, { target: { value: 'exemple' } });
    await screen.findByText('Aucun diagnostic sur cette période.');
  });

  it('says when the period is upside down', async () => {
    await renderSection(ObservatorySection);
    await screen.findByRole('heading', { level: 1 });
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-12-01' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-11-01' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Le premier jour doit venir avant le dernier.'));
  });
});
