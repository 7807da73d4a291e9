// « Sauvegarde »: the reminder in the open space, a backup saved as one sealed file, restored on
// another device (another passphrase there), and a wrong passphrase or a damaged file that change nothing.
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';
import { DEFAULT_SETTINGS, loadQuestionnaire, type LoadedQuestionnaire, type Settings } from '../../src/core/index.ts';
import { setLanguage } from '../../src/i18n/index.ts';
import { loadProStrings } from '../../src/i18n/pro.ts';
import { createMemoryVaultBackend, createVaultDoor, type OpenVault } from '../../src/storage/vault.ts';
import BackupSection from '../../src/ui/pro/backup-section.tsx';
import type { DownloadFile } from '../../src/ui/pro/download.ts';
import { memoryLocalData } from '../../src/ui/pro/local-data.ts';
import ProSpace from '../../src/ui/pro/pro-space.tsx';

const PASS = 'une phrase assez longue';
let loaded: LoadedQuestionnaire;
const settings: Settings = { ...DEFAULT_SETTINGS, modes: ['kiosk', 'interview'] };

beforeAll(async () => {
  const result = loadQuestionnaire(readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'exemple')), { reachability: false });
  if (!result.ok) throw new Error('exemple does not load');
  loaded = result.loaded;
  await setLanguage('fr');
  await loadProStrings();
});
afterEach(cleanup);

async function device(passphrase = PASS) {
  const backend = createMemoryVaultBackend();
  const door = createVaultDoor({ backend, iterations: 1000 });
  const set = await door.setUp(passphrase);
  if (!set.ok) throw new Error('set-up failed');
  return { backend, door, vault: set.vault };
}

function section(vault: OpenVault, extra: { download?: (f: DownloadFile) => void; local?: ReturnType<typeof memoryLocalData>; noted?: (at: number) => Promise<unknown> } = {}) {
  return render(
    <BackupSection
      vault={vault}
      questionnaire={loaded}
      settings={settings}
      language="fr"
      params={{}}
      navigate={() => undefined}
      registerFlush={() => () => undefined}
      backups={{ last: async () => undefined, noted: extra.noted ?? (async () => undefined) }}
      local={extra.local ?? memoryLocalData()}
      download={extra.download ?? (() => undefined)}
    />,
  );
}

function chooseFile(text: string, name: string) {
  const input = screen.getByLabelText('Fichier de sauvegarde (.reperes)') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
}

describe('backup and restore', () => {
  it('reminds of a backup never made, and leads to it', async () => {
    const { backend, vault } = await device();
    await vault.put('records', 'r1', { x: 1 });
    render(<ProSpace loaded={loaded} settings={settings} onLeave={() => undefined} openDoor={async () => createVaultDoor({ backend, iterations: 1000 })} />);
    fireEvent.input(await screen.findByLabelText('Phrase de passe'), { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Déverrouiller' }));
    expect(await screen.findByText(/Ces dossiers n'ont jamais été sauvegardés/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Faire une sauvegarde' }));
    const title = await screen.findByRole('heading', { level: 1, name: 'Sauvegarde des données professionnelles' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(screen.queryByText(/Ces dossiers n'ont jamais été sauvegardés/)).toBeNull();
  });

  it('saves one sealed file and restores it on another device, without duplicates', async () => {
    const first = await device();
    await first.vault.put('records', 'r1', { code: 'K7F-2QX', session: { id: 'r1', updatedAt: '2026-11-01T10:00:00.000Z' } });
    await first.vault.put('records', 'r2', { code: 'ABC-234', session: { id: 'r2', updatedAt: '2026-11-02T10:00:00.000Z' } });
    const files: DownloadFile[] = [];
    const noted = vi.fn(async () => undefined);
    section(first.vault, { download: (f) => files.push(f), local: memoryLocalData({ places: [{ id: 'p1', nom: 'EPN du centre' }] }), noted });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer une sauvegarde' }));
    const status = await screen.findByText(/^Sauvegarde enregistrée : 2 dossiers, dans le fichier reperes-sauvegarde-\d{4}-\d\d-\d\d\.reperes\.$/);
    expect(status.getAttribute('role')).toBe('status');
    expect(noted).toHaveBeenCalledOnce();
    const [file] = files;
    expect(file?.name).toMatch(/\.reperes$/);
    expect(file?.text).not.toContain('K7F-2QX');
    cleanup();

    const second = await device('une tout autre phrase ici');
    const local = memoryLocalData();
    section(second.vault, { local });
    chooseFile(file!.text, file!.name);
    fireEvent.input(screen.getByLabelText('Phrase de passe de la sauvegarde'), { target: { value: 'pas la bonne phrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Restaurer' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`Cette phrase de passe n'ouvre pas le fichier ${file!.name} (ou son en-tête a été modifié) : rien n'a été changé. Tapez la phrase de passe qui protégeait la sauvegarde.`);
    expect(await second.vault.list('records')).toEqual([]);
    fireEvent.input(screen.getByLabelText('Phrase de passe de la sauvegarde'), { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Restaurer' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/restaurée : 2 ajouté\(s\), 0 mis à jour, 0 déjà à jour ; 1 atelier\(s\) ou lieu\(x\) ajouté\(s\)\.$/);
    expect((await second.vault.list<{ code: string }>('records')).map((r) => r.value.code).sort()).toEqual(['ABC-234', 'K7F-2QX']);
    expect(local.data.places).toEqual([{ id: 'p1', nom: 'EPN du centre' }]);
    fireEvent.input(screen.getByLabelText('Phrase de passe de la sauvegarde'), { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Restaurer' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/0 ajouté\(s\), 0 mis à jour, 2 déjà à jour/));
    expect(await second.vault.list('records')).toHaveLength(2);
  });

  it('says a truncated file is damaged and names it; nothing changes', async () => {
    const first = await device();
    await first.vault.put('records', 'r1', { code: 'K7F-2QX', session: { id: 'r1', updatedAt: '2026-11-01T10:00:00.000Z' } });
    const files: DownloadFile[] = [];
    section(first.vault, { download: (f) => files.push(f) });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer une sauvegarde' }));
    await screen.findByText(/^Sauvegarde enregistrée/);
    cleanup();
    const second = await device();
    section(second.vault);
    chooseFile(files[0]!.text.slice(0, 200), 'copie.reperes');
    fireEvent.input(screen.getByLabelText('Phrase de passe de la sauvegarde'), { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Restaurer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Le fichier copie.reperes est abîmé ou incomplet (tronqué, modifié) : rien n\'a été changé. Reprenez une copie intacte de la sauvegarde.');
    expect(await second.vault.list('records')).toEqual([]);
  });
});
