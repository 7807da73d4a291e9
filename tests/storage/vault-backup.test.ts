// The backup file: the whole vault and the clear lists in one sealed file; restored on another
// device (another salt) by id, without duplicates; a wrong passphrase, a truncated, tampered or
// foreign file each get their reason and change nothing.
import { describe, expect, it } from 'vitest';
import { createBackup, mergeById, openBackup, restoreBackup, type ClearSettings } from '../../src/storage/vault-backup.ts';
import { createMemoryVaultBackend, createVaultDoor, type OpenVault } from '../../src/storage/vault.ts';

const PASS = 'cheval correct agrafe';

async function device(passphrase = PASS): Promise<{ vault: OpenVault; entries: Map<string, unknown> }> {
  const backend = createMemoryVaultBackend();
  const set = await createVaultDoor({ backend, iterations: 1000 }).setUp(passphrase);
  if (!set.ok) throw new Error('set-up failed');
  return { vault: set.vault, entries: backend.entries };
}

const rec = (id: string, code: string, updatedAt: string, note = '') => ({ code, generalNote: note, session: { id, updatedAt } });

function settingsStore(initial: Record<string, unknown> = {}): ClearSettings & { data: Record<string, unknown> } {
  const data = structuredClone(initial);
  return { data, get: async (k) => structuredClone(data[k]), set: async (k, v) => ((data[k] = structuredClone(v)), true) };
}

async function sample(): Promise<{ vault: OpenVault; text: string }> {
  const { vault } = await device();
  await vault.put('records', 'r1', rec('r1', 'K7F-2QX', '2026-11-01T10:00:00.000Z', 'suivi RSA'));
  await vault.put('records', 'r2', rec('r2', 'ABC-234', '2026-11-02T10:00:00.000Z'));
  await vault.put('records', 'r3', rec('r3', 'MNP-456', '2026-11-03T10:00:00.000Z'));
  await vault.put('roster', 'group', { assignments: { 'ABC-234': 'w1' } });
  await vault.put('device', 'sync', { password: 'never in a backup' });
  const { text, records } = await createBackup(vault, { workshops: { workshops: [{ id: 'w1', title: 'Smartphone' }] }, places: [{ id: 'p1', nom: 'EPN' }] }, new Date('2026-11-23T10:00:00Z'));
  expect(records).toBe(3);
  return { vault, text };
}

describe('the backup file', () => {
  it('holds nothing in clear: no code, note or label', async () => {
    const { text } = await sample();
    for (const secret of ['K7F-2QX', 'K7F', 'suivi RSA', 'Smartphone', 'EPN', 'never in a backup', 'records']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ format: 'reperes-backup', version: 1, createdAt: '2026-11-23T10:00:00.000Z', kdf: { name: 'PBKDF2-SHA-256', iterations: 1000 }, cipher: 'AES-GCM-256' });
  });

  it('restores on another device, chosen with another passphrase, by id and without duplicates', async () => {
    const { text } = await sample();
    const other = await device('une tout autre phrase ici');
    await other.vault.put('records', 'r1', rec('r1', 'K7F-2QX', '2026-10-01T10:00:00.000Z', 'ancienne'));
    await other.vault.put('records', 'r3', rec('r3', 'MNP-456', '2026-12-01T10:00:00.000Z', 'plus récente ici'));
    await other.vault.put('roster', 'group', { assignments: { 'MNP-456': 'w2' } });
    const settings = settingsStore({ places: [{ id: 'p0', nom: 'CCAS' }] });
    const opened = await openBackup(text, PASS);
    if (!opened.ok) throw new Error(opened.problem);
    expect(await restoreBackup(other.vault, settings, opened.content)).toEqual({ added: 1, updated: 2, kept: 1, settingsAdded: 2, failed: 0 });
    const records = (await other.vault.list<{ code: string; generalNote: string }>('records')).map((r) => [r.id, r.value.generalNote]).sort();
    expect(records).toEqual([['r1', 'suivi RSA'], ['r2', ''], ['r3', 'plus récente ici']]);
    expect(await other.vault.get('roster', 'group')).toEqual({ assignments: { 'ABC-234': 'w1', 'MNP-456': 'w2' } });
    expect(await other.vault.get('device', 'sync')).toBeUndefined();
    expect(settings.data.places).toEqual([{ id: 'p0', nom: 'CCAS' }, { id: 'p1', nom: 'EPN' }]);
    expect(settings.data.workshops).toEqual({ workshops: [{ id: 'w1', title: 'Smartphone' }] });
    // Restored twice: nothing doubles.
    expect(await restoreBackup(other.vault, settings, opened.content)).toEqual({ added: 0, updated: 0, kept: 4, settingsAdded: 0, failed: 0 });
    expect(await other.vault.list('records')).toHaveLength(3);
  });

  it('tells a wrong passphrase, a truncated, tampered or foreign file, and a newer format', async () => {
    const { text } = await sample();
    expect(await openBackup(text, 'pas la bonne phrase')).toEqual({ ok: false, problem: 'wrong-passphrase' });
    expect(await openBackup(text.slice(0, Math.floor(text.length / 2)), PASS)).toEqual({ ok: false, problem: 'damaged' });
    const file = JSON.parse(text);
    const flipped = { ...file, content: { ...file.content, data: `${file.content.data[0] === 'A' ? 'B' : 'A'}${file.content.data.slice(1)}` } };
    expect(await openBackup(JSON.stringify(flipped), PASS)).toEqual({ ok: false, problem: 'damaged' });
    // A header changed after the fact (the date, the count of iterations) does not open either.
    expect(await openBackup(JSON.stringify({ ...file, createdAt: '2020-01-01T00:00:00.000Z' }), PASS)).toEqual({ ok: false, problem: 'wrong-passphrase' });
    expect(await openBackup(JSON.stringify({ ...file, version: 2 }), PASS)).toEqual({ ok: false, problem: 'too-new' });
    expect(await openBackup(JSON.stringify({ workshops: [] }), PASS)).toEqual({ ok: false, problem: 'not-a-backup' });
    expect(await openBackup('', PASS)).toEqual({ ok: false, problem: 'damaged' });
  });
});

describe('mergeById', () => {
  it('keeps what is here and adds what is not, in a list or a wrapped list', () => {
    expect(mergeById([{ id: 'a', n: 1 }], [{ id: 'a', n: 2 }, { id: 'b' }])).toEqual({ merged: [{ id: 'a', n: 1 }, { id: 'b' }], added: 1 });
    expect(mergeById(undefined, { workshops: [{ id: 'w' }] })).toEqual({ merged: { workshops: [{ id: 'w' }] }, added: 1 });
    expect(mergeById({ workshops: [] }, { workshops: [{ id: 'w' }] })).toEqual({ merged: { workshops: [{ id: 'w' }] }, added: 1 });
  });
});
