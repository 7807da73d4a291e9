// npm run bench, the professional vault's part: backup and restore of 1,000 records (time, file
// size), in Node with the app's real key derivation (PBKDF2-SHA-256, 600,000 iterations). Prints,
// never asserts.
import { performance } from 'node:perf_hooks';
import { createBackup, openBackup, restoreBackup } from '../src/storage/vault-backup.ts';
import { createMemoryVaultBackend, createVaultDoor } from '../src/storage/vault.ts';

const PASS = 'le chat dort sous la table';
const RECORDS = 1000;

/** A professional record about the size of a real one (about 2 KB of JSON). */
export function sampleRecord(i: number): { id: string; value: unknown } {
  const id = `r${String(i).padStart(6, '0')}xxxxxxxxxxxx`;
  const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
  const answers = Object.fromEntries(Array.from({ length: 20 }, (_, q) => [`question-${q}`, { type: 'choice', option: `option-${(i + q) % 4}` }]));
  return {
    id,
    value: {
      version: 1,
      code: 'K7F-2QX',
      label: 'suivi RSA',
      notes: { 'question-3': 'Utilise le téléphone de sa fille pour les démarches.' },
      generalNote: 'Très motivée, revoir dans un mois.',
      answeredBy: { 'question-5': 'observed' },
      sheetNotes: [],
      session: { version: 2, id, questionnaireId: 'autonomie-numerique', contentHash: 'x'.repeat(64), mode: 'interview', language: 'fr', answers, path: Object.keys(answers), startedAt: at, updatedAt: at, completedAt: at, status: 'completed' },
      outcome: { profile: 'premiers-pas', global: 55, flags: ['urgence'], steps: ['epn', 'atelier-courriel'], gaps: [], areas: ['acces', 'prise-en-main', 'internet', 'communication', 'demarches', 'securite'].map((area, k) => ({ area, score: 20 * k, level: 'en-cours', points: k, max: 6 })) },
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const backend = createMemoryVaultBackend();
  const set = await createVaultDoor({ backend }).setUp(PASS);
  if (!set.ok) throw new Error('set-up failed');
  for (let i = 0; i < RECORDS; i++) {
    const { id, value } = sampleRecord(i);
    await set.vault.put('records', id, value);
  }
  let t0 = performance.now();
  const { text } = await createBackup(set.vault, { workshops: { workshops: [] }, places: [] });
  const backupMs = performance.now() - t0;

  const other = await createVaultDoor({ backend: createMemoryVaultBackend() }).setUp('une autre phrase pour ce poste');
  if (!other.ok) throw new Error('set-up failed');
  t0 = performance.now();
  const opened = await openBackup(text, PASS);
  if (!opened.ok) throw new Error(opened.problem);
  const openMs = performance.now() - t0;
  const store: Record<string, unknown> = {};
  const report = await restoreBackup(other.vault, { get: async (k) => store[k], set: async (k, v) => ((store[k] = v), true) }, opened.content);
  const restoreMs = performance.now() - t0;
  console.log('');
  console.log(`Vault backup of ${RECORDS} records (about 2 KB each), Node: backup ${seconds(backupMs)}, file ${(text.length / 1024 / 1024).toFixed(2)} MB;`);
  console.log(`  restore on another device ${seconds(restoreMs)} (of which opening with PBKDF2 600,000 iterations ${seconds(openMs)}); ${report.added} added`);
}

await main();

/** Team sync through the in-memory CouchDB-protocol server of the e2e suite: first replication of 1,000 records, then one change. */
async function syncBench(): Promise<void> {
  const { Base: Pouch, EXAMPLE, startCouchServer } = await import('./couch-server.mjs');
  const { createVaultSync } = await import('../src/storage/vault-sync.ts');
  const server = await startCouchServer();
  const team = EXAMPLE.teams[0];
  if (!team) throw new Error('no example team');
  const target = { url: `${server.url}/${team.database}`, username: team.user.name, password: team.user.password };
  const set = await createVaultDoor({ backend: createMemoryVaultBackend(), iterations: 1000 }).setUp(PASS);
  if (!set.ok) throw new Error('set-up failed');
  for (let i = 0; i < RECORDS; i++) {
    const { id, value } = sampleRecord(i);
    await set.vault.put('records', id, value);
  }
  const sync = createVaultSync({ Pouch, vault: set.vault, mirrorName: 'bench-mirror', mirrorOptions: { adapter: 'memory' } });
  let t0 = performance.now();
  const first = await sync.sync(target);
  const firstMs = performance.now() - t0;
  const { id, value } = sampleRecord(7);
  await set.vault.put('records', id, { ...(value as object), generalNote: 'changé' });
  t0 = performance.now();
  const one = await sync.sync(target);
  const oneMs = performance.now() - t0;
  // A second device pulling everything.
  const other = await createVaultDoor({ backend: createMemoryVaultBackend(), iterations: 1000 }).setUp(PASS);
  if (!other.ok) throw new Error('set-up failed');
  const pull = createVaultSync({ Pouch, vault: other.vault, mirrorName: 'bench-mirror-2', mirrorOptions: { adapter: 'memory' } });
  t0 = performance.now();
  const pulled = await pull.sync(target, PASS);
  const pullMs = performance.now() - t0;
  console.log(`Team sync through the in-memory CouchDB-protocol server (loopback), Node: first replication of ${RECORDS} records ${seconds(firstMs)} (${first.sent} sent);`);
  console.log(`  incremental sync of one change ${(oneMs).toFixed(0)} ms (${one.sent} sent); a second device's first pull ${seconds(pullMs)} (${pulled.received} received, team key joined)`);
  await server.stop();
}

await syncBench();
