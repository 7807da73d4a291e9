import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { COOP_COLUMNS } from '../../../src/core/coop.ts';
import { parseCsv } from '../../../src/core/csv.ts';
import { expectedPath, outcomeOf, type Answers, type ExerciseResult } from '../../../src/core/index.ts';
import { I18nContext } from '../../../src/ui/i18n-context.ts';
import CoopSection from '../../../src/ui/pro/coop-section.tsx';
import { memoryLocalData } from '../../../src/ui/pro/local-data.ts';
import ObservatorySection from '../../../src/ui/pro/observatory-section.tsx';
import { DsiLevel } from '../../../src/ui/pro/records-section.tsx';
import { autonomie, frenchWithProStrings, memoryVault, renderSection } from './harness.tsx';

// The Coop export and the DSI-style level where a professional meets them: the « Pour la Coop »
// section (one click, the file read back line by line, the table changed and kept), the level beside
// the profile of a record, and its table in the observatory — over real records of the shipped
// questionnaire, built from answers as the interview writes them.

afterEach(cleanup);

const S = 'ne-sais-pas-faire';
const ex = (outcome: ExerciseResult['outcome']): ExerciseResult => ({ outcome, score: outcome === 'success' ? 1 : 0, attempts: 1, misses: 0, durationMs: 9000 });
/** Three people: Léa could show others (autonome), Kévin goes online alone on a smartphone (premiers pas), Marcel has no device. */
const PEOPLE = {
  lea: {
    equipement: ['smartphone', 'ordinateur'], 'utilisation-appareil': 'montrer', 'usage-internet': 'montrer', 'demarches-en-ligne': 'montrer',
    connexion: 'maison', 'exercice-site-officiel': ex('success'), 'adresse-courriel': 'oui-pieces-jointes', 'appel-video': 'montrer',
    'gestes-demarches': ['compte', 'franceconnect', 'justificatif'], 'exercice-arnaque': ex('success'), 'sms-suspect': 'supprimer', 'mots-de-passe': 'differents',
    'envie-apprendre': 'non', besoins: ['rien'], urgence: 'non',
  },
  kevin: {
    equipement: ['smartphone'], 'utilisation-appareil': 'montrer', 'usage-internet': 'seul', 'demarches-en-ligne': S,
    connexion: 'forfait-mobile', 'exercice-site-officiel': ex('partial'),
    'adresse-courriel': 'non', 'appel-video': 'montrer', 'imprimer-scanner': 'non',
    'exercice-arnaque': ex('failure'), 'sms-suspect': 'cliquer', 'mots-de-passe': 'le-meme', 'envie-apprendre': 'oui', 'aide-entourage': 'pas-besoin', besoins: ['rien'], urgence: 'non',
  },
  marcel: { equipement: ['aucun'], 'utilisation-appareil': S, 'envie-apprendre': 'non', 'aide-entourage': 'oui', besoins: ['rien'], urgence: 'non' },
} satisfies Record<string, Record<string, string | string[] | ExerciseResult>>;

function answersOf(person: keyof typeof PEOPLE): Answers {
  return Object.fromEntries(
    Object.entries(PEOPLE[person]).map(([id, a]) => [id, typeof a === 'string' ? { type: 'choice', option: a } : Array.isArray(a) ? { type: 'choices', options: a } : { type: 'exercise', result: a }]),
  ) as Answers;
}

/** A completed professional record, whole (src/core/pro-record.ts), as the interview stores it. */
function record(id: string, person: keyof typeof PEOPLE, mode: 'interview' | 'workshop', startedAt: string, completedAt: string, ageBracket?: string) {
  const q = autonomie().questionnaire;
  const answers = answersOf(person);
  const path = expectedPath(q, answers, [q.start]);
  const session = { version: 2, id, questionnaireId: q.id, contentHash: 'h', mode, language: 'fr', answers, path, startedAt, updatedAt: completedAt, completedAt, status: 'completed' };
  return { version: 1, session, code: 'K7F-2QX', label: 'suivi RSA', notes: { 'usage-internet': 'note privée' }, generalNote: 'ne pas exporter', answeredBy: {}, sheetNotes: [], ...(ageBracket ? { ageBracket } : {}), outcome: outcomeOf(q, answers, path) };
}

const vault = () =>
  memoryVault({
    records: {
      a: record('a', 'kevin', 'interview', '2026-11-23T09:00:00.000Z', '2026-11-23T09:23:00.000Z', '45-59'),
      b: record('b', 'marcel', 'interview', '2026-11-23T13:30:00.000Z', '2026-11-23T14:11:00.000Z'),
      c: record('c', 'lea', 'workshop', '2026-11-24T10:00:00.000Z', '2026-11-24T10:30:00.000Z', '75-plus'),
      // Not finished: not exported.
      d: { ...record('d', 'lea', 'interview', '2026-11-24T11:00:00.000Z', '2026-11-24T11:10:00.000Z'), session: { ...record('d', 'lea', 'interview', '2026-11-24T11:00:00.000Z', '2026-11-24T11:10:00.000Z').session, status: 'in-progress', completedAt: undefined }, outcome: undefined },
    },
  });

const rowsOf = (text: string) => {
  const read = parseCsv(text);
  if (!read.ok) throw new Error('not CSV');
  return read.rows.map(({ cells }) => Object.fromEntries(read.header.map((h, i) => [h, cells[i] ?? ''])));
};

describe('« Pour la Coop »', () => {
  it('exports the finished diagnostics in one click, one row each in the Coop API names, with nothing personal', async () => {
    const { files } = await renderSection(CoopSection, { vault: vault() });
    const heading = await screen.findByRole('heading', { level: 1, name: 'Exporter pour la Coop de la médiation numérique' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('3 lignes à exporter sur cette période.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Exporter pour la Coop/ }));
    expect(files).toHaveLength(1);
    expect(files[0]?.name).toMatch(/^coop-activites-2026-11-23-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = files[0]!.text.split('\r\n');
    expect(lines[0]).toBe(COOP_COLUMNS.map(([api]) => api).join(';'));
    expect(lines.slice(1, 4)).toEqual([
      '2026-11-23;individuel;1;anonyme;lieu_activite;25;diagnostic_numerique;partiellement_autonome;false;;quarante_cinquante_neuf',
      // Marcel (« faire pour ») is sent on to help with procedures: the questionnaire's redirection table.
      '2026-11-23;individuel;1;anonyme;lieu_activite;45;diagnostic_numerique;entierement_accompagne;true;aide_aux_demarches_administratives;non_communique',
      '2026-11-24;individuel;1;anonyme;lieu_activite;30;diagnostic_numerique;autonome;false;;soixante_dix_plus',
    ]);
    expect(files[0]!.text).not.toMatch(/K7F|RSA|note privée|exporter/);
    expect(screen.getByText(/^Fichier coop-activites-.*\.csv enregistré : 3 lignes\.$/)).toBeTruthy();
  });

  it('writes the headings and labels of the Coop table when asked, and keeps to the days chosen', async () => {
    const { files } = await renderSection(CoopSection, { vault: vault() });
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('radio', { name: 'Intitulés du tableau de la Coop (pour lire ou vérifier)' }));
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-11-24' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-11-24' } });
    expect(screen.getByText('1 ligne à exporter sur cette période.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Exporter pour la Coop/ }));
    expect(files[0]?.name).toBe('coop-activites-2026-11-24-2026-11-24-libelles.csv');
    expect(rowsOf(files[0]!.text)).toEqual([
      {
        Date: '24/11/2026',
        Type: 'Accompagnement individuel',
        Participants: '1',
        Bénéficiaire: 'Bénéficiaire anonyme',
        'Canaux d’accompagnement': 'Lieu d’activité',
        'Durée (min)': '30',
        'Thématique(s) d’accompagnement': 'Diagnostic numérique',
        'Niveau d’autonomie (ou de l’atelier)': '3/3',
        'Bénéficiaire réorienté': 'Non',
        'Structure de redirection': '',
        'Tranche d’âge du bénéficiaire': '70 ans et plus',
      },
    ]);
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-11-25' } });
    expect(screen.getByRole('alert').textContent).toBe('Le premier jour doit venir avant le dernier.');
    expect((screen.getByRole('button', { name: /^Exporter pour la Coop/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lets the structure change the profile → autonomy table, keeps it on the device, and the export follows', async () => {
    const local = memoryLocalData();
    const { files } = await renderSection(CoopSection, { vault: vault(), local });
    await screen.findByRole('heading', { level: 1 });
    const levels = screen.getByRole('group', { name: "Niveau d'autonomie pour la Coop, par profil" });
    expect(within(levels).getAllByRole('combobox')).toHaveLength(5);
    const premiersPas = within(levels).getByRole('combobox', { name: 'Premiers pas' });
    expect((premiersPas as HTMLSelectElement).value).toBe('partiellement_autonome');
    fireEvent.change(premiersPas, { target: { value: 'entierement_accompagne' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Un diagnostic fait en mode atelier compte comme' }), { target: { value: 'collectif' } });
    await screen.findByText('Table enregistrée sur cet appareil.');
    const stored = local.data['coop.mapping.autonomie-numerique'] as { autonomie: Record<string, string>; type: { workshop: string } };
    expect(stored.autonomie['premiers-pas']).toBe('entierement_accompagne');
    expect(stored.type.workshop).toBe('collectif');
    fireEvent.click(screen.getByRole('button', { name: /^Exporter pour la Coop/ }));
    const rows = rowsOf(files[0]!.text);
    expect(rows.map((r) => [r.type, r.autonomie])).toEqual([
      ['individuel', 'entierement_accompagne'],
      ['individuel', 'entierement_accompagne'],
      ['collectif', ''],
    ]);

    // Another visit reads the table kept; « Revenir à la table du questionnaire » puts it back.
    cleanup();
    await renderSection(CoopSection, { vault: vault(), local });
    await screen.findByRole('heading', { level: 1 });
    expect((screen.getByRole('combobox', { name: 'Premiers pas' }) as HTMLSelectElement).value).toBe('entierement_accompagne');
    fireEvent.click(screen.getByRole('button', { name: 'Revenir à la table du questionnaire' }));
    await screen.findByText('Table du questionnaire remise et enregistrée.');
    expect((local.data['coop.mapping.autonomie-numerique'] as { autonomie: Record<string, string> }).autonomie['premiers-pas']).toBe('partiellement_autonome');
  });

  it('says when the table could not be kept, and uses it for this visit', async () => {
    const local = { ...memoryLocalData(), set: async () => false };
    const { files } = await renderSection(CoopSection, { vault: vault(), local: local as never });
    await screen.findByRole('heading', { level: 1 });
    fireEvent.change(screen.getByRole('combobox', { name: 'Autonome' }), { target: { value: '' } });
    await screen.findByText(/^La table n'a pas pu être enregistrée sur cet appareil/);
    fireEvent.click(screen.getByRole('button', { name: /^Exporter pour la Coop/ }));
    expect(rowsOf(files[0]!.text)[2]?.autonomie).toBe('');
  });
});

describe('the DSI-style level beside the profile', () => {
  async function show(person: keyof typeof PEOPLE) {
    const t = await frenchWithProStrings();
    const q = autonomie().questionnaire;
    const answers = answersOf(person);
    render(
      <I18nContext.Provider value={{ t, language: 'fr' }}>
        <DsiLevel questionnaire={q} session={{ answers, path: expectedPath(q, answers, [q.start]) }} />
      </I18nContext.Provider>,
    );
    return screen.getByRole('region', { name: 'Niveau européen (façon DSI 2.0)' });
  }

  it('says the overall level in words, and each of the five areas with the activities counted', async () => {
    // Léa passed the scam exercise: her safety level is settled for the profile, so the password
    // question is not asked (questionnaire 2.0's skipSettled) and the DSI reading counts one
    // safety activity: « de base » there, hence « de base » overall (navigation.ts conditionsOf).
    const region = await show('lea');
    expect(within(region).getByText('Compétences de base')).toBeTruthy();
    expect(within(region).getByText('Au moins les compétences de base dans 5 domaines sur 5.')).toBeTruthy();
    const rows = within(region).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([
      'Information et donnéesAu-delà de la base (2 activités)',
      'Communication et collaborationAu-delà de la base (2 activités)',
      'Création de contenus numériquesAu-delà de la base (2 activités)',
      'SécuritéDe base (1 activité)',
      'Résolution de problèmesAu-delà de la base (4 activités)', // installing, a procedure, an account, FranceConnect
    ]);
    expect(within(region).getByText(/Ce n'est pas une statistique officielle\.$/)).toBeTruthy();
  });

  it('says a person who does not use the internet is not assessed, with no table', async () => {
    const region = await show('marcel');
    expect(within(region).getByText('Non évalué (n\'utilise pas internet)')).toBeTruthy();
    expect(within(region).getByText(/^La personne n'utilise pas internet/)).toBeTruthy();
    expect(within(region).queryByRole('table')).toBeNull();
  });
});

describe('the DSI-style level in the observatory', () => {
  it('counts the records by level, small cells masked, kiosk runs as not computed, and writes it in the long CSV', async () => {
    const many = memoryVault({
      records: Object.fromEntries(
        Array.from({ length: 9 }, (_, i) => {
          const person = i < 6 ? 'lea' : i < 8 ? 'kevin' : 'marcel';
          return [`r${i}`, record(`r${i}`, person, 'interview', '2026-11-23T09:00:00.000Z', `2026-11-2${3 + (i % 3)}T10:00:00.000Z`)];
        }),
      ),
    });
    const { files } = await renderSection(ObservatorySection, { vault: many });
    await screen.findByRole('heading', { level: 1, name: 'Observatoire' });
    fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-11-23' } });
    fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-11-29' } });
    await screen.findByText('9 diagnostics du 23 nov. 2026 au 29 nov. 2026.');
    const region = screen.getByRole('region', { name: 'Par niveau européen (façon DSI 2.0)' });
    const rows = within(within(region).getByRole('table')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toBe("Non évalué (n'utilise pas internet)masqué");
    expect(rows[5]).toBe('Compétences de base6');
    expect(rows[6]).toBe('Au-delà des compétences de base0');
    expect(rows[7]).toBe('Non calculé (borne)0');
    expect(rows.filter((r) => r?.endsWith('masqué')).length).toBeGreaterThanOrEqual(2);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter ces nombres (fichier CSV)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const dsiLines = files[0]!.text.split('\r\n').filter((l) => l.includes(';Niveau européen (façon DSI 2.0);'));
    expect(dsiLines).toHaveLength(8);
    expect(dsiLines).toContain('2026-11-23;2026-11-29;Votre autonomie numérique;Niveau européen (façon DSI 2.0);Compétences de base;;6;');
    expect(dsiLines.every((l) => !/;[1-4];$/.test(l))).toBe(true);
  });
});
