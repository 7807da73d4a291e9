import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLocalData } from '../../../src/ui/pro/local-data.ts';
import ObservatorySection from '../../../src/ui/pro/observatory-section.tsx';
import { memoryVault, renderSection } from './harness.tsx';

// The coordinator's view of the territory observatory, in the observatory section, against a
// territory database played by a fetch that answers the view as CouchDB does (the real server's
// view is tested in tests/storage/territory-server.test.ts), or fails as told.

const TERRITORY = 'https://couchdb.example.org/territoire';
const settings = { structure: 'EPN des Tilleuls', territoryUrl: TERRITORY };
const row = (structure: string, profile: string, count: number, internet = 'acquis') => ({
  key: ['2026-W47', structure, 'autonomie-numerique', profile, [['internet', internet]], []],
  value: count,
});
const ROWS = [row('CCAS de Montreuil', 'decouverte', 7, 'a-travailler'), row('CCAS de Montreuil', 'premiers-pas', 6), row('EPN des Tilleuls', 'decouverte', 6), row('EPN des Tilleuls', 'autonome', 3), row('Médiathèque', 'autonome', 2)];

type Answer = { status: number; body: unknown } | 'offline';
/** Answers with the next of `answers` (a list the test may change), the last one again once they run out. */
function server(...answers: Answer[]) {
  const seen: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    // The section's own files (the questionnaires' index) are not the server's business.
    if (url.startsWith('./')) throw new TypeError('not in this test');
    seen.push({ url, init });
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), { status: answer.status });
  });
  vi.stubGlobal('fetch', fetch);
  return { seen, answers };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openOnWeek47(vault = memoryVault(), local = memoryLocalData()) {
  const rendered = await renderSection(ObservatorySection, { vault, local, settings } as never);
  await screen.findByRole('heading', { level: 1, name: 'Observatoire' });
  fireEvent.input(screen.getByLabelText('Du'), { target: { value: '2026-11-16' } });
  fireEvent.input(screen.getByLabelText('Au'), { target: { value: '2026-11-22' } });
  return rendered;
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));

describe("the territory observatory, the coordinator's view", () => {
  it('asks for the account, reads the view with it, and shows every structure with small counts hidden along rows and columns', async () => {
    const { seen } = server({ status: 200, body: { rows: ROWS } });
    const vault = memoryVault();
    await openOnWeek47(vault);
    const region = screen.getByRole('region', { name: 'Observatoire du territoire' });
    expect(within(region).getByText(/couchdb\.example\.org\/territoire/)).toBeTruthy();
    // Nothing is asked of the server before the coordinator has typed an account.
    expect(seen).toEqual([]);
    fireEvent.click(within(region).getByRole('button', { name: 'Lire les décomptes du territoire' }));
    await waitFor(() => expect(within(region).getByRole('alert').textContent).toBe("Tapez le nom d'utilisateur et le mot de passe."));
    fireEvent.input(within(region).getByLabelText("Nom d'utilisateur"), { target: { value: 'coordination-93' } });
    fireEvent.input(within(region).getByLabelText('Mot de passe'), { target: { value: 'change-moi' } });
    fireEvent.click(within(region).getByRole('button', { name: 'Lire les décomptes du territoire' }));
    await within(region).findByText('24 diagnostics en borne sur le territoire, toutes structures confondues.');
    // The form is gone: the focus is on « Relire », never on the page; « Changer de compte » takes it to the name.
    expect(document.activeElement).toBe(within(region).getByRole('button', { name: 'Relire les décomptes' }));
    fireEvent.click(within(region).getByRole('button', { name: 'Changer de compte' }));
    await waitFor(() => expect(document.activeElement).toBe(within(region).getByLabelText("Nom d'utilisateur")));

    expect(seen).toHaveLength(1);
    const url = new URL(seen[0]!.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${TERRITORY}/_design/reperes/_view/cells`);
    expect([url.searchParams.get('group'), url.searchParams.get('startkey'), url.searchParams.get('endkey')]).toEqual(['true', '["2026-W47"]', '["2026-W47",{}]']);
    expect(new Headers(seen[0]!.init.headers).get('authorization')).toBe(`Basic ${btoa('coordination-93:change-moi')}`);
    expect(seen[0]!.init.credentials).toBe('omit');
    // The account is kept in the vault (sealed there), on this device only.
    expect(vault.data.device?.territory).toEqual({ username: 'coordination-93', password: 'change-moi' });

    const table = within(region).getByRole('table', { name: 'Diagnostics en borne par structure et par profil' });
    const rows = rowsOf(table);
    expect(rows[0]).toEqual(['Structure', 'Être accompagné·e pour vos démarches', 'Découvrir le numérique', 'Premiers pas', 'Presque autonome', 'Autonome', 'Total']);
    // The Médiathèque has 2 diagnostics: none of its counts shows; the EPN's 3 goes, and with it
    // enough of the other counts that none can be found again by subtraction.
    expect(rows.find((r) => r[0] === 'Médiathèque')?.slice(1)).toEqual(Array(6).fill('masqué'));
    expect(rows.find((r) => r[0] === 'EPN des Tilleuls')?.[5]).toBe('masqué');
    expect(rows.at(-1)).toEqual(['Tout le territoire', '0', '13', '6', '0', '5', '24']);
    const cells = [...region.querySelectorAll('.pro-table td:not(.pro-print-cell)')].map((td) => td.textContent);
    expect(cells.filter((c) => /^[1-4]$/.test(c ?? ''))).toEqual([]);
    for (const line of [...rows.slice(1), ...rows[0]!.slice(1).map((_, j) => rows.slice(1).map((r) => r[j + 1]))]) {
      expect(line.filter((c) => c === 'masqué').length, JSON.stringify(line)).not.toBe(1);
    }
    // The territory's own charts, headed under the territory's heading.
    expect(within(region).getByRole('heading', { level: 3, name: 'Par profil' })).toBeTruthy();
    expect(within(within(region).getByRole('region', { name: 'Par profil' })).getByRole('row', { name: /^Découvrir le numérique/ }).textContent).toBe('Découvrir le numérique13');
  });

  it('exports the territory and each structure as a long CSV, a hidden count empty with a note', async () => {
    server({ status: 200, body: { rows: ROWS } });
    const vault = memoryVault({ device: { territory: { username: 'coordination-93', password: 'x' } } });
    const { files } = await openOnWeek47(vault);
    const region = screen.getByRole('region', { name: 'Observatoire du territoire' });
    await within(region).findByText('24 diagnostics en borne sur le territoire, toutes structures confondues.');
    fireEvent.click(within(region).getByRole('button', { name: 'Exporter le territoire (CSV)' }));
    expect(files[0]?.name).toBe('observatoire-territoire-autonomie-numerique-2026-W47-2026-W47.csv');
    const lines = files[0]?.text.split('\r\n') ?? [];
    expect(lines[0]).toBe('Début de période;Fin de période;Questionnaire;Structure;Indicateur;Catégorie;Valeur;Effectif;Note');
    expect(lines).toContain('2026-11-16;2026-11-22;Votre autonomie numérique;Tout le territoire;Total;;;24;');
    expect(lines).toContain('2026-11-16;2026-11-22;Votre autonomie numérique;Médiathèque;Total;;;;masqué (secret statistique)');
    expect(lines).toContain('2026-11-16;2026-11-22;Votre autonomie numérique;CCAS de Montreuil;Total;;;13;');
  });

  it('says in plain words why the server gave nothing, and keeps the counts read before', async () => {
    const vault = memoryVault({ device: { territory: { username: 'coordination-93', password: 'x' } } });
    const { answers } = server({ status: 200, body: { rows: ROWS } });
    await openOnWeek47(vault);
    const region = screen.getByRole('region', { name: 'Observatoire du territoire' });
    await within(region).findByText('24 diagnostics en borne sur le territoire, toutes structures confondues.');
    answers.splice(0, 1, { status: 500, body: { error: 'internal' } }, 'offline', { status: 401, body: { error: 'unauthorized' } }, { status: 200, body: '<html>proxy</html>' });
    const again = within(region).getByRole('button', { name: /^(Relire les décomptes|Lecture en cours…)$/ });
    for (const words of ['a une panne', 'ne répond pas', 'refuse ce nom', 'incompréhensible']) {
      await waitFor(() => expect(again.getAttribute('aria-disabled')).toBe('false'));
      fireEvent.click(again);
      await waitFor(() => expect(within(region).getByRole('alert').textContent).toContain(words));
      expect(within(region).getByRole('alert').textContent).toContain('Les nombres lus la dernière fois restent affichés.');
      expect(within(region).getByText('24 diagnostics en borne sur le territoire, toutes structures confondues.')).toBeTruthy();
    }
  });

  it("shows nothing of a territory on a device whose settings name none, and asks nothing of any server", async () => {
    const { seen } = server({ status: 200, body: { rows: ROWS } });
    await renderSection(ObservatorySection, { vault: memoryVault({ device: { territory: { username: 'a', password: 'b' } } }) });
    await screen.findByRole('heading', { level: 1, name: 'Observatoire' });
    expect(screen.queryByRole('region', { name: 'Observatoire du territoire' })).toBeNull();
    expect(seen).toEqual([]);
  });

  it("tells the structure how this kiosk's sendings go, when it sends to the territory", async () => {
    server('offline');
    await renderSection(ObservatorySection, {
      settings: { structure: 'EPN des Tilleuls', observatoryUrl: 'https://couchdb.example.org/depot/territoire' },
      local: memoryLocalData({ 'observatory.push.status': { lastSent: '2026-11-23', problem: 'offline' } }),
    } as never);
    const region = await screen.findByRole('region', { name: 'Envoi des décomptes de cette borne' });
    expect(region.textContent).toContain("Dernier envoi à l'observatoire du territoire : 23 nov. 2026.");
    expect(region.textContent).toContain('le serveur du territoire ne répond pas. Rien n’est perdu'.replace('’', "'"));
  });
});
