// Team sync: the vault replicated both ways with a team's CouchDB database, by PouchDB's
// implementation of CouchDB's replication protocol (loaded with import() only on a device whose
// settings.json names a server). The server only ever holds what the vault holds at rest: random
// ids and AES-GCM-sealed values ({ iv, data } in base 64), plus the team's key material (salt,
// iteration count, verifier), which reveals nothing.
//
// How: a local PouchDB database mirrors the vault's sealed entries (one document per place, the
// place as _id). A sync (1) copies the vault's changes since the last sync into the mirror, (2)
// pulls from and pushes to the server, (3) writes what came from the server into the vault. An
// edit made offline stays in the vault and the mirror, and goes at the next sync that reaches the
// server. Two devices editing one record make a CouchDB conflict: both versions are kept and
// listed (conflicts()) until the professional keeps one (resolve()); none is dropped silently.
// A server that refuses (401), fails (500), answers garbage or vanishes mid-sync changes nothing
// in the vault; the sync says why, in a word, and the next one starts over.
import type { PouchDatabase, PouchDoc, PouchStatic } from 'pouchdb-core';
import { asSealed, IV_BYTES, type Sealed, fromBase64, toBase64 } from './vault-crypto.ts';
import type { OpenVault, TeamKey } from './vault.ts';

/** Collections that stay on the device (the sync credentials); never sent. */
const DEVICE_ONLY = ['device/'];
/** The document that holds the team's key material. */
export const TEAM_DOC = 'reperes-team';

export interface SyncServer {
  /** The team's database, e.g. https://couchdb.example.org/equipe-ccas */
  url: string;
  username: string;
  password: string;
}

export type SyncProblem = 'unauthorized' | 'forbidden' | 'server' | 'garbage' | 'offline' | 'team-passphrase' | 'failed';

export interface SyncReport {
  ok: boolean;
  problem?: SyncProblem;
  /** Entries sent and received in this sync. */
  sent: number;
  received: number;
  /** Local changes not on the server yet. */
  pending: number;
  /** Places with two versions or more, waiting for the professional. */
  conflicts: string[];
  at: number;
}

const b64 = toBase64;
const unb64 = fromBase64;
const sealedOf = (doc: PouchDoc | undefined): Sealed | undefined => (doc ? asSealed({ iv: unb64(doc.iv), data: unb64(doc.data) }) : undefined);
const isPlace = (id: string) => id.includes('/') && !DEVICE_ONLY.some((p) => id.startsWith(p));

/** The error a PouchDB call rejected with, in a word. */
export function problemOf(error: unknown): SyncProblem {
  const e = error as { status?: number; name?: string; message?: string } | null;
  if (e?.status === 401) return 'unauthorized';
  if (e?.status === 403) return 'forbidden';
  if (typeof e?.status === 'number' && e.status >= 500) return 'server';
  if (e?.name === 'SyntaxError' || /JSON|Unexpected token|invalid json/i.test(e?.message ?? '')) return 'garbage';
  if (e?.status === 200 || e?.name === 'bad_request') return 'garbage';
  return 'offline';
}

/** Runs one replication, turning its error event into a rejection (an unheard 'error' event throws). */
function replicate(run: () => ReturnType<PouchDatabase['replicate']['to']>): Promise<{ docs_written: number }> {
  return new Promise((resolve, reject) => {
    const replication = run();
    replication.on('error', reject).on('denied', reject);
    replication.then(resolve, reject);
  });
}

export interface VaultSyncOptions {
  /** PouchDB with an adapter for the mirror (idb in the browser, memory in tests) and the http adapter. */
  Pouch: PouchStatic;
  vault: OpenVault;
  mirrorName?: string;
  mirrorOptions?: Record<string, unknown>;
  clock?: () => number;
}

export interface VaultSync {
  /** One sync; `passphrase` is needed only to join a team whose key differs (then problem 'team-passphrase'). */
  sync(server: SyncServer, passphrase?: string): Promise<SyncReport>;
  /** Local changes not on the server yet (without syncing). */
  pending(): Promise<number>;
  /** Every version of a conflicted entry, opened: the winner first. */
  versions(place: string): Promise<{ rev: string; value: unknown }[]>;
  /** Keeps one version (by its rev): the others are removed, here and, at the next sync, on the server. */
  resolve(place: string, keepRev: string): Promise<void>;
  close(): Promise<void>;
}

export function createVaultSync({ Pouch, vault, mirrorName = 'reperes-vault-mirror', mirrorOptions = {}, clock = Date.now }: VaultSyncOptions): VaultSync {
  let mirror = new Pouch(mirrorName, mirrorOptions);
  const remoteOf = (server: SyncServer) => new Pouch(server.url, { adapter: 'http', auth: { username: server.username, password: server.password }, skip_setup: true });

  /** (1) The vault's changes since the last sync, into the mirror: a new or changed entry, a deleted one. */
  const stage = async (): Promise<number> => {
    const entries = (await vault.raw.entries()).filter(([place]) => isPlace(place));
    const here = new Map(entries.map(([place, sealed]) => [place, { iv: b64(sealed.iv), data: b64(sealed.data) }]));
    const docs = await mirror.allDocs({ include_docs: true });
    const known = new Map(docs.rows.filter((r) => r.doc && isPlace(r.id)).map((r) => [r.id, r.doc as PouchDoc]));
    const writes: PouchDoc[] = [];
    for (const [place, value] of here) {
      const doc = known.get(place);
      if (!doc) writes.push({ _id: place, ...value });
      else if (doc.data !== value.data) writes.push({ ...doc, ...value, _conflicts: undefined } as PouchDoc);
    }
    for (const [place, doc] of known) if (!here.has(place)) writes.push({ _id: place, _rev: doc._rev, _deleted: true });
    const cleaned = writes.map(({ _conflicts, ...doc }) => doc as PouchDoc);
    if (cleaned.length) await mirror.bulkDocs(cleaned);
    return cleaned.length;
  };

  /** (3) What the mirror holds, into the vault (the winning version of each entry). */
  const apply = async (): Promise<number> => {
    const entries = new Map((await vault.raw.entries()).map(([place, sealed]) => [place, b64(sealed.data)]));
    const docs = await mirror.allDocs({ include_docs: true });
    let received = 0;
    const alive = new Set<string>();
    for (const row of docs.rows) {
      if (!isPlace(row.id) || !row.doc) continue;
      alive.add(row.id);
      const sealed = sealedOf(row.doc);
      if (!sealed || entries.get(row.id) === row.doc.data) continue;
      if ((await vault.raw.write(row.id, sealed)).ok) received++;
    }
    // Deleted on the server: deleted here (the mirror lists them no more).
    const changes = await mirror.changes({ since: 0 });
    for (const change of changes.results) {
      if (change.deleted && isPlace(change.id) && !alive.has(change.id) && entries.has(change.id)) {
        if ((await vault.raw.delete(change.id)).ok) received++;
      }
    }
    return received;
  };

  const conflicts = async (): Promise<string[]> => {
    const docs = await mirror.allDocs({ include_docs: true, conflicts: true });
    return docs.rows.filter((r) => isPlace(r.id) && (r.doc?._conflicts?.length ?? 0) > 0).map((r) => r.id);
  };

  /** Changes in the mirror the server has not acknowledged. */
  const pendingCount = async (): Promise<number> => {
    const checkpoint = await mirror.get('_local/pushed').catch(() => undefined);
    const since = (checkpoint?.seq as number | string | undefined) ?? 0;
    const staged = await stageCount();
    const changes = await mirror.changes({ since });
    return changes.results.filter((c) => isPlace(c.id)).length + staged;
  };
  /** Vault changes not yet in the mirror (counted, not staged). */
  const stageCount = async (): Promise<number> => {
    const entries = (await vault.raw.entries()).filter(([place]) => isPlace(place));
    const docs = await mirror.allDocs({ include_docs: true });
    const known = new Map(docs.rows.filter((r) => r.doc && isPlace(r.id)).map((r) => [r.id, r.doc?.data]));
    let n = 0;
    for (const [place, sealed] of entries) if (known.get(place) !== b64(sealed.data)) n++;
    for (const place of known.keys()) if (!entries.some(([p]) => p === place)) n++;
    return n;
  };

  /** The team's key on the server: created from this vault's when there is none; joined (re-sealed) when it differs. */
  const team = async (remote: PouchDatabase, passphrase: string | undefined): Promise<SyncProblem | undefined> => {
    const mine = await vault.raw.key();
    const doc = await remote.get(TEAM_DOC).catch((error: { status?: number }) => {
      if (error?.status === 404) return undefined;
      throw error;
    });
    if (!doc) {
      await remote.put({ _id: TEAM_DOC, kdf: 'PBKDF2-SHA-256', salt: b64(mine.salt), iterations: mine.iterations, verifier: { iv: b64(mine.verifier.iv), data: b64(mine.verifier.data) } });
      return undefined;
    }
    if (doc.salt === b64(mine.salt) && doc.iterations === mine.iterations) return undefined;
    const v = doc.verifier as { iv?: unknown; data?: unknown } | undefined;
    const salt = unb64(doc.salt);
    const verifier = asSealed({ iv: unb64(v?.iv), data: unb64(v?.data) });
    if (!salt || !verifier || typeof doc.iterations !== 'number' || verifier.iv.length !== IV_BYTES) return 'garbage';
    if (!passphrase) return 'team-passphrase';
    const teamKey: TeamKey = { salt, iterations: doc.iterations, verifier };
    const joined = await vault.raw.rekey(passphrase, teamKey);
    if (joined === 'wrong') return 'team-passphrase';
    if (joined === 'failed') return 'failed';
    // The mirror held this device's old seals: start it again from the vault.
    await mirror.destroy().catch(() => undefined);
    mirror = new Pouch(mirrorName, mirrorOptions);
    return undefined;
  };

  return {
    async sync(server, passphrase) {
      const at = clock();
      const remote = remoteOf(server);
      let sent = 0;
      let received = 0;
      try {
        const joined = await team(remote, passphrase);
        if (joined) return { ok: false, problem: joined, sent, received, pending: await pendingCount().catch(() => 0), conflicts: await conflicts().catch(() => []), at };
        await stage();
        await replicate(() => mirror.replicate.from(remote));
        const pushed = await replicate(() => mirror.replicate.to(remote));
        sent = pushed.docs_written;
        const info = await mirror.info();
        const checkpoint = await mirror.get('_local/pushed').catch(() => ({ _id: '_local/pushed' }) as PouchDoc);
        await mirror.put({ ...checkpoint, seq: info.update_seq });
        received = await apply();
        return { ok: true, sent, received, pending: await pendingCount(), conflicts: await conflicts(), at };
      } catch (error) {
        return { ok: false, problem: problemOf(error), sent, received, pending: await pendingCount().catch(() => 0), conflicts: await conflicts().catch(() => []), at };
      }
    },
    pending: () => pendingCount(),
    async versions(place) {
      const doc = await mirror.get(place, { conflicts: true });
      const revs = [doc._rev as string, ...(doc._conflicts ?? [])];
      const out: { rev: string; value: unknown }[] = [];
      for (const rev of revs) {
        const version = rev === doc._rev ? doc : await mirror.get(place, { rev });
        const sealed = sealedOf(version);
        out.push({ rev, value: sealed ? await vault.raw.open(place, sealed) : undefined });
      }
      return out;
    },
    async resolve(place, keepRev) {
      const doc = await mirror.get(place, { conflicts: true });
      const kept = keepRev === doc._rev ? doc : await mirror.get(place, { rev: keepRev });
      // The kept content becomes the winner's next revision; every other branch is closed.
      const { _conflicts, _rev, ...content } = kept;
      await mirror.put({ ...content, _id: place, _rev: doc._rev });
      for (const rev of doc._conflicts ?? []) await mirror.remove(place, rev);
      const sealed = sealedOf(kept);
      if (sealed) await vault.raw.write(place, sealed);
    },
    close: async () => void (await mirror.close()),
  };
}
