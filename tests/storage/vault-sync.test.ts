// @vitest-environment node
// Team sync through a real CouchDB-protocol server on loopback (scripts/couch-server.mjs, set up
// as docs/couchdb.example.json says): two devices replicate a record, the server holds no code, note
// or answer in clear, a device joins the team's key with the passphrase, edits made on both sides
// show as a conflict with both versions until one is kept, and a server answering 401, 500,
// garbage or vanishing changes nothing in the vault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Base as Pouch, EXAMPLE, startCouchServer, type CouchServer } from '../../scripts/couch-server.mjs';
import { createMemoryVaultBackend, createVaultDoor, type OpenVault } from '../../src/storage/vault.ts';
import { createVaultSync, type SyncServer, type VaultSync } from '../../src/storage/vault-sync.ts';

const PASS = 'le chat dort sous la table';
let server: CouchServer;
let team: SyncServer;
let n = 0;

beforeAll(async () => {
  server = await startCouchServer();
  const [example] = EXAMPLE.teams;
  team = { url: `${server.url}/${example!.database}`, username: example!.user.name, password: example!.user.password };
});
afterAll(() => server.stop());

async function device(): Promise<{ vault: OpenVault; sync: VaultSync }> {
  const set = await createVaultDoor({ backend: createMemoryVaultBackend(), iterations: 1000 }).setUp(PASS);
  if (!set.ok) throw new Error('set-up failed');
  return { vault: set.vault, sync: createVaultSync({ Pouch, vault: set.vault, mirrorName: `mirror-${++n}`, mirrorOptions: { adapter: 'memory' } }) };
}

const record = (note: string, at: string) => ({ code: 'K7F-2QX', generalNote: note, label: 'suivi RSA', session: { id: 'rec1abcdefghijkm', updatedAt: at, answers: { equipement: 'smartphone' } } });

describe('team sync', () => {
  it('replicates through the server both ways, after the second device joins the team key with the passphrase', async () => {
    const a = await device();
    const b = await device();
    await a.vault.put('records', 'rec1abcdefghijkm', record('premier entretien', '2026-11-01T10:00:00.000Z'));
    await a.vault.put('device', 'sync', { password: team.password });
    expect(await a.sync.pending()).toBe(1);
    const first = await a.sync.sync(team);
    expect(first).toMatchObject({ ok: true, sent: 1, pending: 0, conflicts: [] });

    // What the host sees: random ids and sealed bytes, the team's salt; no code, note, label or answer.
    const raw = JSON.stringify(await server.raw(EXAMPLE.teams[0]!.database));
    for (const secret of ['K7F-2QX', 'K7F', 'premier entretien', 'suivi RSA', 'equipement', 'smartphone', team.password, PASS]) expect(raw).not.toContain(secret);
    expect(raw).toContain('records/rec1abcdefghijkm');
    expect(raw).not.toContain('device/');

    // The second device chose its own salt: it must join the team's key, with the passphrase.
    expect(await b.sync.sync(team)).toMatchObject({ ok: false, problem: 'team-passphrase' });
    expect(await b.sync.sync(team, 'pas la bonne phrase')).toMatchObject({ ok: false, problem: 'team-passphrase' });
    expect(await b.sync.sync(team, PASS)).toMatchObject({ ok: true, received: 1, conflicts: [] });
    expect(await b.vault.get('records', 'rec1abcdefghijkm')).toEqual(record('premier entretien', '2026-11-01T10:00:00.000Z'));

    // An edit on B reaches A; a deletion too.
    await b.vault.put('records', 'rec1abcdefghijkm', record('revu en décembre', '2026-12-01T10:00:00.000Z'));
    expect(await b.sync.sync(team)).toMatchObject({ ok: true, sent: 1 });
    expect(await a.sync.sync(team)).toMatchObject({ ok: true, received: 1 });
    expect(await a.vault.get('records', 'rec1abcdefghijkm')).toMatchObject({ generalNote: 'revu en décembre' });
    await a.vault.put('records', 'rec2abcdefghijkm', record('à supprimer', '2026-12-02T10:00:00.000Z'));
    await a.sync.sync(team);
    await b.sync.sync(team);
    expect(await b.vault.get('records', 'rec2abcdefghijkm')).toBeDefined();
    await b.vault.remove('records', 'rec2abcdefghijkm');
    await b.sync.sync(team);
    await a.sync.sync(team);
    expect(await a.vault.get('records', 'rec2abcdefghijkm')).toBeUndefined();

    // Both edit the same record while apart: both versions are kept and shown, until one is chosen.
    await a.vault.put('records', 'rec1abcdefghijkm', record('version de A', '2026-12-03T10:00:00.000Z'));
    await b.vault.put('records', 'rec1abcdefghijkm', record('version de B', '2026-12-03T11:00:00.000Z'));
    await a.sync.sync(team);
    const seen = await b.sync.sync(team);
    expect(seen.conflicts).toEqual(['records/rec1abcdefghijkm']);
    const versions = await b.sync.versions('records/rec1abcdefghijkm');
    expect(versions.map((v) => (v.value as { generalNote: string }).generalNote).sort()).toEqual(['version de A', 'version de B']);
    expect((await a.sync.sync(team)).conflicts).toEqual(['records/rec1abcdefghijkm']);
    const keep = versions.find((v) => (v.value as { generalNote: string }).generalNote === 'version de B')!;
    await b.sync.resolve('records/rec1abcdefghijkm', keep.rev);
    expect((await b.sync.sync(team)).conflicts).toEqual([]);
    expect((await a.sync.sync(team)).conflicts).toEqual([]);
    expect(await a.vault.get('records', 'rec1abcdefghijkm')).toMatchObject({ generalNote: 'version de B' });
    expect(await b.vault.get('records', 'rec1abcdefghijkm')).toMatchObject({ generalNote: 'version de B' });
  }, 60_000);

  it('says why a sync failed (401, 500, garbage, a server gone mid-sync) and loses nothing; the next one catches up', async () => {
    const a = await device();
    await a.vault.put('records', 'rec3abcdefghijkm', record('hors ligne', '2026-11-05T10:00:00.000Z'));
    expect(await a.sync.sync({ ...team, password: 'mauvais' })).toMatchObject({ ok: false, problem: 'unauthorized', pending: 1 });
    for (const [mode, problem] of [[401, 'unauthorized'], [500, 'server'], ['garbage', 'garbage'], ['vanish', 'offline']] as const) {
      server.failWith(mode);
      const report = await a.sync.sync(team, PASS);
      expect(report, String(mode)).toMatchObject({ ok: false, problem });
      expect(await a.vault.get('records', 'rec3abcdefghijkm')).toMatchObject({ generalNote: 'hors ligne' });
    }
    server.failWith(undefined);
    expect(await a.sync.sync(team, PASS)).toMatchObject({ ok: true, pending: 0 });
    expect(await a.vault.get('records', 'rec3abcdefghijkm')).toMatchObject({ generalNote: 'hors ligne' });
  }, 60_000);
});
