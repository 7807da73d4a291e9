// The professional space over a memory vault: set-up, unlock and its slowed retries, the idle lock,
// a keyboard interview saved encrypted on every answer, the questionnaire chosen per diagnostic, the records list, workshop mode.
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';
import { DEFAULT_SETTINGS, loadQuestionnaire, type LoadedQuestionnaire, type Settings } from '../../src/core/index.ts';
import { readProRecord, type ProRecord } from '../../src/core/pro-record.ts';
import { setLanguage } from '../../src/i18n/index.ts';
import { loadProStrings } from '../../src/i18n/pro.ts';
import { createMemoryVaultBackend, createVaultDoor, type VaultBackend, type VaultDoor } from '../../src/storage/vault.ts';
import DiagnosticSection from '../../src/ui/pro/diagnostic-section.tsx';
import RecordsSection from '../../src/ui/pro/records-section.tsx';
import ProSpace from '../../src/ui/pro/pro-space.tsx';
import { RECORDS, type ProSectionProps } from '../../src/ui/pro/section-props.ts';
import type { ProSection } from '../../src/ui/pro/sections.ts';
import { teamSyncOf } from '../../src/ui/pro/team-sync.ts';
import type { VaultSync } from '../../src/storage/vault-sync.ts';
import { useEffect, useRef } from 'preact/hooks';
import { diskFetcher, indexEntry } from './kiosk-harness.tsx';

const PASS = 'une phrase assez longue';
let loaded: LoadedQuestionnaire;
const settings: Settings = { ...DEFAULT_SETTINGS, modes: ['kiosk', 'interview', 'workshop'], proIdleMinutes: 2, structure: 'CCAS de Test' };

beforeAll(async () => {
  const result = loadQuestionnaire(readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'exemple')), { reachability: false });
  if (!result.ok) throw new Error('exemple does not load');
  loaded = result.loaded;
  await setLanguage('fr');
  await loadProStrings();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function door(backend: VaultBackend, clock: () => number = Date.now): VaultDoor {
  return createVaultDoor({ backend, iterations: 1000, clock });
}

/** What the vault holds for the records, read through a second door with the passphrase. */
async function stored(backend: VaultBackend): Promise<ProRecord[]> {
  const opened = await door(backend).unlock(PASS);
  if (!opened.ok) throw new Error('unlock failed');
  const values = await opened.vault.list(RECORDS);
  return values.map(({ value }) => {
    const read = readProRecord(value);
    if (!read.ok) throw new Error(read.reason);
    return read.record;
  });
}

function RecordsSectionView({ vault }: { vault: Parameters<typeof RecordsSection>[0]['vault'] }) {
  return <RecordsSection vault={vault} questionnaire={loaded} settings={settings} language="fr" params={{ record: 'gapsrecord' }} navigate={() => undefined} registerFlush={() => () => undefined} />;
}

function renderSpace(backend: VaultBackend, clock?: () => number, onLeave = () => undefined) {
  return render(<ProSpace loaded={loaded} settings={settings} onLeave={onLeave} openDoor={async () => door(backend, clock)} />);
}

/** The question on screen in a professional run: its heading, and the question's text in it. */
const questionTitle = () => document.querySelector<HTMLElement>('.pro-run h1');
const questionText = () => document.querySelector('.pro-run .question__text')?.textContent;

const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init });

async function setUp(): Promise<void> {
  await screen.findByRole('heading', { level: 1, name: 'Choisir une phrase de passe' });
  fireEvent.input(screen.getByLabelText('Phrase de passe'), { target: { value: PASS } });
  fireEvent.input(screen.getByLabelText('La même phrase de passe, une seconde fois'), { target: { value: PASS } });
  fireEvent.click(screen.getByRole('button', { name: "Enregistrer et ouvrir l'espace" }));
  await screen.findByRole('heading', { level: 1, name: 'Nouveau diagnostic' });
}

describe('passphrase', () => {
  it('is chosen twice, long enough, after a plain warning; then the space opens on a new diagnostic', async () => {
    const backend = createMemoryVaultBackend();
    renderSpace(backend);
    await screen.findByRole('heading', { level: 1, name: 'Choisir une phrase de passe' });
    expect(screen.getByText(/si la phrase de passe est oubliée, les dossiers ne pourront plus être lus/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Phrase de passe'), { target: { value: 'court' } });
    expect(screen.getByText('Solidité : faible, ajoutez des mots')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: "Enregistrer et ouvrir l'espace" }));
    expect((await screen.findByRole('alert')).textContent).toBe('La phrase de passe doit compter au moins 10 caractères.');
    fireEvent.input(screen.getByLabelText('Phrase de passe'), { target: { value: 'motdepasse123' } });
    expect(screen.getByText('Solidité : moyenne')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Phrase de passe'), { target: { value: PASS } });
    expect(screen.getByText('Solidité : bonne')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('La même phrase de passe, une seconde fois'), { target: { value: `${PASS}!` } });
    fireEvent.click(screen.getByRole('button', { name: "Enregistrer et ouvrir l'espace" }));
    expect((await screen.findByRole('alert')).textContent).toBe('Les deux phrases de passe ne sont pas identiques.');
    expect(backend.entries.size).toBe(0);
    fireEvent.input(screen.getByLabelText('La même phrase de passe, une seconde fois'), { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: "Enregistrer et ouvrir l'espace" }));
    const title = await screen.findByRole('heading', { level: 1, name: 'Nouveau diagnostic' });
    expect(document.activeElement).toBe(title);
    expect(backend.entries.has('meta')).toBe(true);
    expect(screen.getByText('Verrouillage automatique après 2 minutes sans activité.')).toBeTruthy();
  });

  it('tells a wrong passphrase, makes the next try wait, and opens with the right one', async () => {
    const backend = createMemoryVaultBackend();
    await door(backend).setUp(PASS);
    let now = 5_000_000;
    renderSpace(backend, () => now);
    await screen.findByRole('heading', { level: 1, name: 'Espace professionnel verrouillé' });
    const input = screen.getByLabelText('Phrase de passe');
    fireEvent.input(input, { target: { value: 'pas la bonne phrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Phrase de passe incorrecte. Nouvel essai possible dans 1 seconde.');
    expect(screen.queryByRole('navigation')).toBeNull();
    fireEvent.input(input, { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe("Trop d'essais : attendez 1 seconde avant de réessayer."));
    now += 1000;
    fireEvent.input(input, { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    expect(await screen.findByRole('navigation', { name: "Sections de l'espace professionnel" })).toBeTruthy();
  });

  it('locks after proIdleMinutes without activity, and on demand', async () => {
    const backend = createMemoryVaultBackend();
    renderSpace(backend);
    await setUp();
    // Effects run after paint: let the idle watch start, then move it to a fake clock with a key.
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    key('Shift');
    expect(vi.getTimerCount()).toBe(1);
    await act(() => void vi.advanceTimersByTime(119_000));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Nouveau diagnostic');
    // A key pressed restarts the count.
    key('Shift');
    await act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Nouveau diagnostic');
    await act(() => void vi.advanceTimersByTime(61_000));
    vi.useRealTimers();
    await screen.findByRole('heading', { level: 1, name: 'Espace professionnel verrouillé' });
    expect(screen.getByText("L'espace s'est verrouillé après 2 minutes sans activité.")).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Phrase de passe'), { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Verrouiller' }));
    await screen.findByRole('heading', { level: 1, name: 'Espace professionnel verrouillé' });
    expect(screen.getByText("L'espace est verrouillé.")).toBeTruthy();
  });
});

describe('interview', () => {
  it('runs from the keyboard, with a note and an observation, saved encrypted on every answer', async () => {
    const backend = createMemoryVaultBackend();
    renderSpace(backend);
    await setUp();
    const code = (screen.getByLabelText('Code de la personne') as HTMLInputElement).value;
    expect(screen.queryByLabelText(/nom/i)).toBeNull();
    fireEvent.change(screen.getByLabelText("Tranche d'âge (facultatif)"), { target: { value: '60-74' } });
    fireEvent.input(screen.getByLabelText('Repère libre (facultatif)'), { target: { value: 'atelier mardi' } });
    fireEvent.click(screen.getByRole('button', { name: "Commencer l'entretien" }));
    await screen.findByText('Bienvenue. Quelques questions pour connaître vos habitudes avec le numérique.');
    expect(await stored(backend)).toEqual([expect.objectContaining({ code, ageBracket: '60-74', label: 'atelier mardi' })]);

    key('Enter');
    await waitFor(() => expect(questionText()).toBe('Quels appareils avez-vous ?'));
    key('1');
    key('2');
    key('n');
    expect(document.activeElement).toBe(screen.getByLabelText(/Note sur cette question/));
    fireEvent.input(document.activeElement!, { target: { value: 'Ordinateur de la médiathèque' } });
    key('Escape');
    expect(document.activeElement).toBe(questionTitle());
    key('o');
    await waitFor(async () => {
      const [record] = await stored(backend);
      expect(record?.session.answers).toEqual({ equipement: { type: 'choices', options: ['smartphone', 'ordinateur'] } });
      expect(record?.answeredBy).toEqual({ equipement: 'observed' });
      expect(record?.notes).toEqual({ equipement: 'Ordinateur de la médiathèque' });
    });
    key('Enter');
    // Nothing chosen: Enter says so and stays.
    await waitFor(() => expect(questionText()).not.toBe('Quels appareils avez-vous ?'));
    const before = questionTitle()?.textContent;
    key('Enter');
    expect((await screen.findByRole('alert')).textContent).toContain('Choisissez une réponse pour continuer.');
    expect(questionTitle()?.textContent).toBe(before);
    // R goes back, with the answers kept.
    key('r');
    await waitFor(() => expect(screen.getByRole('checkbox', { name: /Un ordinateur/ })).toHaveProperty('checked', true));
    key('Enter');
    for (let i = 0; i < 10 && questionTitle(); i++) {
      const title = questionText();
      key('1');
      key('Enter');
      await waitFor(() => expect(questionText()).not.toBe(title));
    }
    await screen.findByRole('heading', { level: 1, name: new RegExp(`Diagnostic ${code}`) });
    const [done] = await stored(backend);
    expect(done?.session.status).toBe('completed');
    expect(done?.outcome?.areas.length).toBeGreaterThan(0);
    expect(screen.getByText('Ordinateur de la médiathèque')).toBeTruthy();
    expect(screen.getByText('le professionnel observe')).toBeTruthy();
    expect(screen.getByText(`Progrès de ${code}`)).toBeTruthy();
    expect(screen.getByText(/C'est le premier diagnostic terminé pour ce code/)).toBeTruthy();
  }, 20_000);

  it('says so when a save fails (a full disk), and the run goes on', async () => {
    const backend = createMemoryVaultBackend();
    const opened = await door(backend).setUp(PASS);
    if (!opened.ok) throw new Error('set-up failed');
    let full = false;
    const write = backend.write;
    backend.write = (place, sealed) => (full ? Promise.resolve({ ok: false, code: 'storage.quota' }) : write(place, sealed));
    render(<DiagnosticSection vault={opened.vault} questionnaire={loaded} settings={settings} language="fr" params={{}} navigate={() => undefined} registerFlush={() => () => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: "Commencer l'entretien" }));
    await screen.findByText('Bienvenue. Quelques questions pour connaître vos habitudes avec le numérique.');
    full = true;
    key('Enter');
    expect((await screen.findByRole('alert')).textContent).toBe('Le dernier enregistrement a échoué : gardez cette page ouverte et réessayez.');
    expect(questionText()).toBe('Quels appareils avez-vous ?');
    full = false;
    key('1');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((await stored(backend))[0]?.session.answers).toEqual({ equipement: { type: 'choices', options: ['smartphone'] } });
  });

  it('lets the professional choose among the questionnaires offered, the default preselected; the record runs with the one chosen', async () => {
    const disk = diskFetcher({ overrides: { './questionnaires/index.json': JSON.stringify([indexEntry('exemple'), indexEntry('rester-en-contact')]) } });
    vi.stubGlobal('fetch', async (url: string) => {
      try {
        return new Response(await disk(url));
      } catch {
        return new Response('', { status: 404 });
      }
    });
    try {
      const backend = createMemoryVaultBackend();
      const opened = await door(backend).setUp(PASS);
      if (!opened.ok) throw new Error('set-up failed');
      const offering: Settings = { ...settings, modes: ['interview'], defaultQuestionnaire: 'exemple', questionnaires: ['exemple', 'rester-en-contact'] };
      render(<DiagnosticSection vault={opened.vault} questionnaire={loaded} settings={offering} language="fr" params={{}} navigate={() => undefined} registerFlush={() => () => undefined} />);
      const select = (await screen.findByRole('combobox', { name: 'Questionnaire' })) as HTMLSelectElement;
      expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
        ['exemple', "Questionnaire d'exemple"],
        ['rester-en-contact', 'Rester en contact avec ses proches'],
      ]);
      expect(select.value).toBe('exemple');
      fireEvent.change(select, { target: { value: 'rester-en-contact' } });
      fireEvent.click(screen.getByRole('button', { name: "Commencer l'entretien" }));
      expect(await screen.findByRole('heading', { level: 1, name: /Quel appareil utilisez-vous pour garder le contact/ })).toBeTruthy();
      await waitFor(async () => expect((await stored(backend)).map((r) => [r.session.questionnaireId, r.session.questionnaireVersion, r.session.path])).toEqual([['rester-en-contact', indexEntry('rester-en-contact').version, ['appareil']]]));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('starts in workshop mode when asked to (an EPN animator placing a learner)', async () => {
    const backend = createMemoryVaultBackend();
    const opened = await door(backend).setUp(PASS);
    if (!opened.ok) throw new Error('set-up failed');
    const navigate = vi.fn();
    render(<DiagnosticSection vault={opened.vault} questionnaire={loaded} settings={settings} language="fr" params={{ mode: 'workshop', code: 'abc 234' }} navigate={navigate} registerFlush={() => () => undefined} />);
    expect(screen.getByRole('radio', { name: 'Placement en atelier' })).toHaveProperty('checked', true);
    expect((screen.getByLabelText('Code de la personne') as HTMLInputElement).value).toBe('ABC-234');
    fireEvent.input(screen.getByLabelText('Code de la personne'), { target: { value: 'ABC-230' } });
    fireEvent.click(screen.getByRole('button', { name: 'Commencer le diagnostic' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Ce code n'est pas valable/);
    fireEvent.input(screen.getByLabelText('Code de la personne'), { target: { value: 'abc234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Commencer le diagnostic' }));
    await screen.findByText('Placement en atelier');
    expect(await stored(backend)).toEqual([expect.objectContaining({ code: 'ABC-234', session: expect.objectContaining({ mode: 'workshop', status: 'in-progress' }) })]);
  });
});

describe('records', () => {
  it('finds by code, opens, and deletes after a confirmation', async () => {
    const backend = createMemoryVaultBackend();
    const opened = await door(backend).setUp(PASS);
    if (!opened.ok) throw new Error('set-up failed');
    for (const code of ['K7F-2QX', 'ABC-234', 'MNP-456']) {
      const base = { version: 1, code, label: '', notes: {}, generalNote: '', answeredBy: {}, sheetNotes: [] };
      const session = { version: 2, id: `id${code.replace('-', '')}`, questionnaireId: 'exemple', contentHash: loaded.contentHash, mode: 'interview', language: 'fr', answers: {}, path: ['bienvenue'], startedAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z', status: 'in-progress' };
      await opened.vault.put(RECORDS, session.id, { ...base, session });
    }
    renderSpace(backend);
    await screen.findByRole('heading', { name: 'Espace professionnel verrouillé' });
    fireEvent.input(screen.getByLabelText('Phrase de passe'), { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Dossiers' }));
    await screen.findByRole('heading', { level: 1, name: 'Dossiers de cet appareil' });
    expect(screen.getAllByRole('rowheader').map((c) => c.textContent).sort()).toEqual(['ABC-234', 'K7F-2QX', 'MNP-456']);
    fireEvent.input(screen.getByLabelText('Chercher un code'), { target: { value: 'k7f 2' } });
    expect(screen.getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['K7F-2QX']);
    expect(screen.getByText('1 dossier')).toBeTruthy();
    // The focus follows every step, never left on <body>: on the confirmation, back on « Supprimer »
    // after « Annuler », on the next row after a deletion, on the heading when no row is left.
    const row = screen.getByRole('rowheader', { name: 'K7F-2QX' }).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: /Supprimer le dossier K7F-2QX/ }));
    expect(document.activeElement).toBe(within(row).getByRole('button', { name: 'Confirmer la suppression' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Annuler' }));
    expect(document.activeElement).toBe(within(row).getByRole('button', { name: /Supprimer le dossier K7F-2QX/ }));
    fireEvent.click(within(row).getByRole('button', { name: /Supprimer le dossier K7F-2QX/ }));
    fireEvent.click(within(row).getByRole('button', { name: 'Confirmer la suppression' }));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'K7F-2QX' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Dossiers de cet appareil' }));
    expect((await stored(backend)).map((r) => r.code).sort()).toEqual(['ABC-234', 'MNP-456']);
    fireEvent.input(screen.getByLabelText('Chercher un code'), { target: { value: '' } });
    const first = screen.getAllByRole('rowheader')[0]!.textContent!;
    const other = first === 'ABC-234' ? 'MNP-456' : 'ABC-234';
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`Supprimer le dossier ${first}`) }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer la suppression' }));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: first })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: new RegExp(`Reprendre le diagnostic ${other}`) }));
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`Reprendre le diagnostic ${other}`) }));
    expect(await screen.findByText('Bienvenue. Quelques questions pour connaître vos habitudes avec le numérique.')).toBeTruthy();
  });

  it("shows the records a colleague's device sent once the team sync has received them", async () => {
    const backend = createMemoryVaultBackend();
    const opened = await door(backend).setUp(PASS);
    if (!opened.ok) throw new Error('set-up failed');
    const record = (code: string) => {
      const session = { version: 2, id: `id${code.replace('-', '')}`, questionnaireId: 'exemple', contentHash: loaded.contentHash, mode: 'interview', language: 'fr', answers: {}, path: ['bienvenue'], startedAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z', status: 'in-progress' };
      return [session.id, { version: 1, code, label: '', notes: {}, generalNote: '', answeredBy: {}, sheetNotes: [], session }] as const;
    };
    await opened.vault.put(RECORDS, ...record('K7F-2QX'));
    const server = 'https://couchdb.example.org/equipe-ccas';
    // The sync engine: the first sync receives nothing, the second writes the colleague's record into the vault, as replication does.
    let syncs = 0;
    const team = teamSyncOf(opened.vault, server, async () => ({
      sync: async () => {
        syncs++;
        if (syncs === 2) await opened.vault.put(RECORDS, ...record('ABC-234'));
        return { ok: true, sent: 0, received: syncs === 2 ? 1 : 0, pending: 0, conflicts: [], at: 1_000 + syncs };
      },
      close: async () => undefined,
    }) as unknown as VaultSync);
    render(<RecordsSection vault={opened.vault} questionnaire={loaded} settings={{ ...settings, syncUrl: server }} language="fr" params={{}} navigate={() => undefined} registerFlush={() => () => undefined} />);
    await screen.findByRole('rowheader', { name: 'K7F-2QX' });
    await act(() => team.run({ username: 'ccas', password: 'secret' }).then(() => undefined));
    expect(screen.getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['K7F-2QX']);
    await act(() => team.run({ username: 'ccas', password: 'secret' }).then(() => undefined));
    await waitFor(() => expect(screen.getAllByRole('rowheader').map((c) => c.textContent).sort()).toEqual(['ABC-234', 'K7F-2QX']));
    await team.close();
  });

  it('shows the declared-versus-observed gaps and the chosen notes on the referral sheet', async () => {
    const backend = createMemoryVaultBackend();
    const opened = await door(backend).setUp(PASS);
    if (!opened.ok) throw new Error('set-up failed');
    const at = '2026-11-23T11:00:00.000Z';
    const session = { version: 2, id: 'gapsrecord', questionnaireId: 'exemple', contentHash: loaded.contentHash, mode: 'interview', language: 'fr', answers: { courriel: { type: 'choice', option: 'seul' } }, path: ['bienvenue', 'courriel'], startedAt: at, updatedAt: at, completedAt: at, status: 'completed' };
    const outcome = {
      profile: 'premiers-pas',
      areas: [{ area: 'communication', score: 75, level: 'acquis', points: 3, max: 4 }],
      global: 75,
      flags: ['urgence'],
      steps: [],
      gaps: [{ area: 'communication', question: 'courriel', exercise: 'courriel', direction: 'over' }],
    };
    await opened.vault.put(RECORDS, session.id, { version: 1, code: 'K7F-2QX', label: '', notes: { courriel: 'Adresse gérée par son fils' }, generalNote: 'Note pour nous seuls', answeredBy: {}, sheetNotes: ['courriel'], session, outcome });
    render(<RecordsSectionView vault={opened.vault} />);
    await screen.findByRole('heading', { level: 1, name: /Diagnostic K7F-2QX/ });
    // The profile as the questionnaire describes it to the professional (profiles.<id>.professional).
    const profile = screen.getByRole('region', { name: 'Profil' });
    expect(profile.textContent).toContain("Pour le professionnel : Usage d'internet, courriel fragile : atelier courriel.");
    const gaps = screen.getByRole('region', { name: "Écarts entre le déclaré et l'observé" });
    expect(gaps.textContent).toMatch(/Courriel.*annonce plus que ce que l'exercice/);
    fireEvent.click(screen.getByRole('button', { name: 'Fiche de liaison' }));
    const sheet = await screen.findByRole('article', { name: 'Fiche de liaison' });
    expect(sheet.textContent).toContain('K7F-2QX');
    expect(sheet.textContent).toContain('CCAS de Test');
    expect(sheet.textContent).toContain('Adresse gérée par son fils');
    expect(sheet.textContent).not.toContain('Note pour nous seuls');
  });
});

describe('saves awaited before the door closes', () => {
  /** A section that writes its note only when asked to flush, a little later, as a debounced save does. */
  function noteSection(delayMs: number | 'never'): ProSection {
    function NoteSection({ vault, registerFlush }: ProSectionProps) {
      const note = useRef('');
      useEffect(
        () =>
          registerFlush(async () => {
            if (delayMs === 'never') return new Promise(() => undefined);
            await new Promise((resolve) => setTimeout(resolve, delayMs));
            return vault.put('notes', 'draft', { note: note.current });
          }),
        [vault, registerFlush],
      );
      return (
        <label>
          Note
          <input onInput={(e) => (note.current = e.currentTarget.value)} />
        </label>
      );
    }
    return { id: 'note', labelKey: 'pro.space.sections.records', load: async () => ({ default: NoteSection }) };
  }

  async function openWith(section: ProSection, backend: VaultBackend, onLeave = () => undefined) {
    await door(backend).setUp(PASS);
    render(<ProSpace loaded={loaded} settings={settings} onLeave={onLeave} openDoor={async () => door(backend)} sections={[section]} />);
    fireEvent.input(await screen.findByLabelText('Phrase de passe'), { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    fireEvent.input(await screen.findByLabelText('Note'), { target: { value: 'rappeler lundi' } });
    // Effects (the registration) run after paint.
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
  }

  async function draft(backend: VaultBackend): Promise<unknown> {
    const opened = await door(backend).unlock(PASS);
    if (!opened.ok) throw new Error('unlock failed');
    return opened.vault.get('notes', 'draft');
  }

  it('writes a note typed just before « Verrouiller » before the key is forgotten', async () => {
    const backend = createMemoryVaultBackend();
    await openWith(noteSection(80), backend);
    fireEvent.click(screen.getByRole('button', { name: 'Verrouiller' }));
    await screen.findByRole('heading', { level: 1, name: 'Espace professionnel verrouillé' });
    expect(await draft(backend)).toEqual({ note: 'rappeler lundi' });
  });

  it('writes it before leaving the space too', async () => {
    const backend = createMemoryVaultBackend();
    const onLeave = vi.fn();
    await openWith(noteSection(80), backend, onLeave);
    fireEvent.click(screen.getByRole('button', { name: "Quitter l'espace professionnel" }));
    await waitFor(() => expect(onLeave).toHaveBeenCalled());
    expect(await draft(backend)).toEqual({ note: 'rappeler lundi' });
  });

  it('locks after about 3 seconds when a save never answers', async () => {
    const backend = createMemoryVaultBackend();
    await openWith(noteSection('never'), backend);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(screen.getByRole('button', { name: 'Verrouiller' }));
    await act(() => void vi.advanceTimersByTime(2900));
    expect(screen.queryByRole('heading', { level: 1, name: 'Espace professionnel verrouillé' })).toBeNull();
    await act(() => void vi.advanceTimersByTime(200));
    vi.useRealTimers();
    await screen.findByRole('heading', { level: 1, name: 'Espace professionnel verrouillé' });
  });
});

describe('the locked door keeps the records from anyone passing by', () => {
  it('refuses a weak passphrase at set-up with a plain reason', async () => {
    renderSpace(createMemoryVaultBackend());
    await screen.findByRole('heading', { level: 1, name: 'Choisir une phrase de passe' });
    for (const field of ['Phrase de passe', 'La même phrase de passe, une seconde fois']) fireEvent.input(screen.getByLabelText(field), { target: { value: '1234567890' } });
    fireEvent.click(screen.getByRole('button', { name: "Enregistrer et ouvrir l'espace" }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Cette phrase de passe est une suite du clavier ou de chiffres/);
  });

  it('erases only with the passphrase', async () => {
    const backend = createMemoryVaultBackend();
    const opened = await door(backend).setUp(PASS);
    if (!opened.ok) throw new Error('set-up failed');
    await opened.vault.put(RECORDS, 'r1', { x: 1 });
    renderSpace(backend);
    await screen.findByRole('heading', { level: 1, name: 'Espace professionnel verrouillé' });
    fireEvent.click(screen.getByRole('button', { name: 'Effacer avec la phrase de passe' }));
    const title = screen.getByRole('heading', { name: 'Effacer toutes les données professionnelles de cet appareil' });
    expect(document.activeElement).toBe(title);
    fireEvent.input(screen.getByLabelText('Phrase de passe', { selector: '#pro-erase-passphrase' }), { target: { value: 'pas la bonne phrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Effacer définitivement' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Phrase de passe incorrecte. Nouvel essai possible dans 1 seconde.');
    expect(backend.entries.size).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    fireEvent.input(screen.getByLabelText('Phrase de passe', { selector: '#pro-erase-passphrase' }), { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Effacer définitivement' }));
    await screen.findByRole('heading', { level: 1, name: 'Choisir une phrase de passe' });
    expect(screen.getByText('Les données professionnelles de cet appareil ont été effacées.')).toBeTruthy();
    expect(backend.entries.size).toBe(0);
  });

  it('resets for a forgotten passphrase only once the word is typed, after saying what is lost and what can restore it', async () => {
    const backend = createMemoryVaultBackend();
    const d = door(backend);
    const opened = await d.setUp(PASS);
    if (!opened.ok) throw new Error('set-up failed');
    await opened.vault.put(RECORDS, 'r1', { x: 1 });
    await opened.vault.put(RECORDS, 'r2', { x: 2 });
    await d.noteBackup(Date.UTC(2026, 10, 20, 12));
    renderSpace(backend);
    await screen.findByRole('heading', { level: 1, name: 'Espace professionnel verrouillé' });
    fireEvent.click(screen.getByRole('button', { name: 'Tout effacer et recommencer' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Ce qui sera perdu' }));
    expect(await screen.findByText('2 dossiers de cet appareil seront effacés, avec leurs codes et leurs notes.')).toBeTruthy();
    expect(screen.getByText('Dernière sauvegarde faite depuis cet appareil : le 20 novembre 2026.')).toBeTruthy();
    expect(screen.getByText(/ou le serveur de votre équipe pourra les rendre, avec la phrase de passe qui les protégeait/)).toBeTruthy();
    const erase = screen.getByRole('button', { name: 'Tout effacer définitivement' });
    expect(erase).toHaveProperty('disabled', true);
    fireEvent.input(screen.getByLabelText('Pour confirmer, tapez le mot EFFACER'), { target: { value: 'effacer' } });
    expect(erase).toHaveProperty('disabled', false);
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Tout effacer et recommencer' }));
    expect(backend.entries.size).toBe(3);
    fireEvent.click(screen.getByRole('button', { name: 'Tout effacer et recommencer' }));
    fireEvent.input(screen.getByLabelText('Pour confirmer, tapez le mot EFFACER'), { target: { value: ' EFFACER ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tout effacer définitivement' }));
    await screen.findByRole('heading', { level: 1, name: 'Choisir une phrase de passe' });
    expect(backend.entries.size).toBe(0);
  });
});
