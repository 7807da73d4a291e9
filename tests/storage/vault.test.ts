// The professional vault: key derivation, sealing, the passphrase check and its slowed retries,
// the wipe, over the memory twin and IndexedDB (fake-indexeddb), and a raw read of IndexedDB that
// must find nothing of a record in clear.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/index.ts';
import { deriveKey, IV_BYTES, seal, unseal, webCrypto, type Sealed } from '../../src/storage/vault-crypto.ts';
import {
  createMemoryVaultBackend,
  createVaultDoor,
  openVaultDoor,
  PASSPHRASE_MIN_LENGTH,
  PBKDF2_ITERATIONS,
  retryDelayMs,
  ignoreLocked,
  VaultLockedError,
  type VaultBackend,
  type VaultDoor,
} from '../../src/storage/vault.ts';
import { done, rawOpen } from './fixtures.ts';

// Tests derive with fewer iterations to stay fast; the default is checked on its own.
const FAST = 1000;
const PASS = 'cheval correct agrafe';
const crypto = webCrypto()!;
const doors: VaultDoor[] = [];

function memoryDoor(backend: VaultBackend = createMemoryVaultBackend(), clock = () => 1_000_000): VaultDoor {
  const door = createVaultDoor({ backend, iterations: FAST, clock });
  doors.push(door);
  return door;
}

afterEach(() => doors.splice(0).forEach((d) => d.close()));

describe('key derivation and sealing (WebCrypto)', () => {
  it('uses PBKDF2-SHA-256 with at least 600,000 iterations by default (OWASP)', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const backend = createMemoryVaultBackend();
    const door = createVaultDoor({ backend });
    doors.push(door);
    const started = performance.now();
    expect((await door.setUp(PASS)).ok).toBe(true);
    const ms = performance.now() - started;
    const meta = backend.entries.get('meta') as { iterations: number; kdf: string; salt: Uint8Array };
    expect(meta).toMatchObject({ iterations: PBKDF2_ITERATIONS, kdf: 'PBKDF2-SHA-256' });
    expect(meta.salt).toHaveLength(16);
    // A figure for the report, not a gate: derivation is deliberately slow.
    console.info(`PBKDF2-SHA-256 ${PBKDF2_ITERATIONS} iterations: set-up took ${ms.toFixed(0)} ms in Node`);
  }, 30_000);

  it('derives the same non-extractable key from the same passphrase and salt, another from another', async () => {
    const salt = crypto.randomBytes(16);
    const key = await deriveKey(crypto, PASS, salt, FAST);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    const sealed = await seal(crypto, key, { note: 'bonjour' }, 'records/a');
    const again = await deriveKey(crypto, PASS, salt, FAST);
    expect(await unseal(crypto, again, sealed, 'records/a')).toEqual({ note: 'bonjour' });
    const other = await deriveKey(crypto, `${PASS}!`, salt, FAST);
    await expect(unseal(crypto, other, sealed, 'records/a')).rejects.toThrow();
    const otherSalt = await deriveKey(crypto, PASS, crypto.randomBytes(16), FAST);
    await expect(unseal(crypto, otherSalt, sealed, 'records/a')).rejects.toThrow();
  });

  it('seals with a fresh IV each time, and refuses a tampered value or a value moved to another place', async () => {
    const key = await deriveKey(crypto, PASS, crypto.randomBytes(16), FAST);
    const a = await seal(crypto, key, 'même texte', 'records/a');
    const b = await seal(crypto, key, 'même texte', 'records/a');
    expect(a.iv).toHaveLength(IV_BYTES);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.data).not.toEqual(b.data);
    const tampered: Sealed = { iv: a.iv, data: a.data.slice() };
    tampered.data[0] = (tampered.data[0] ?? 0) ^ 1;
    await expect(unseal(crypto, key, tampered, 'records/a')).rejects.toThrow();
    await expect(unseal(crypto, key, a, 'records/b')).rejects.toThrow();
    expect(await unseal(crypto, key, a, 'records/a')).toBe('même texte');
  });
});

describe('the vault door', () => {
  it('is unset until a passphrase is chosen, then locked; the passphrase must be long enough', async () => {
    const door = memoryDoor();
    expect(await door.state()).toBe('unset');
    expect(await door.unlock(PASS)).toEqual({ ok: false, reason: 'unset' });
    expect(await door.setUp('x'.repeat(PASSPHRASE_MIN_LENGTH - 1))).toEqual({ ok: false, reason: 'weak', problem: 'too-short' });
    // The weakest passphrases are refused with their reason, whatever their length.
    expect(await door.setUp('1234567890')).toEqual({ ok: false, reason: 'weak', problem: 'sequence' });
    expect(await door.setUp('aaaaaaaaaaaaaaaa')).toEqual({ ok: false, reason: 'weak', problem: 'repeated' });
    expect(await door.setUp('motdepasse2024')).toEqual({ ok: false, reason: 'weak', problem: 'common' });
    expect(await door.state()).toBe('unset');
    const set = await door.setUp(PASS);
    expect(set.ok).toBe(true);
    expect(await door.state()).toBe('locked');
    expect(await door.setUp('une autre phrase encore')).toEqual({ ok: false, reason: 'already-set' });
  });

  it('stores, lists, reads and removes values once unlocked; a locked vault refuses everything', async () => {
    const backend = createMemoryVaultBackend();
    const first = memoryDoor(backend);
    const set = await first.setUp(PASS);
    if (!set.ok) throw new Error('set-up failed');
    expect(await set.vault.put('records', 'r1', { code: 'K7F-2QX', note: 'a besoin d’aide' })).toEqual({ ok: true });
    expect(await set.vault.put('records', 'r2', { code: 'ABC-DEF' })).toEqual({ ok: true });
    expect(await set.vault.put('roster', 'r1', ['x'])).toEqual({ ok: true });
    set.vault.lock();
    expect(set.vault.locked).toBe(true);
    await expect(set.vault.list('records')).rejects.toBeInstanceOf(VaultLockedError);
    await expect(set.vault.put('records', 'r3', {})).rejects.toBeInstanceOf(VaultLockedError);

    const again = memoryDoor(backend);
    const opened = await again.unlock(PASS);
    if (!opened.ok) throw new Error('unlock failed');
    const list = await opened.vault.list<{ code: string }>('records');
    expect(list.map((e) => e.id).sort()).toEqual(['r1', 'r2']);
    expect(await opened.vault.get('records', 'r1')).toEqual({ code: 'K7F-2QX', note: 'a besoin d’aide' });
    expect(await opened.vault.get('roster', 'r1')).toEqual(['x']);
    expect(await opened.vault.get('records', 'nope')).toBeUndefined();
    await opened.vault.remove('records', 'r1');
    expect((await opened.vault.list('records')).map((e) => e.id)).toEqual(['r2']);
  });

  it('lets a read that finishes after the lock end quietly, and only that', async () => {
    const set = await memoryDoor().setUp(PASS);
    if (!set.ok) throw new Error('set-up failed');
    const pending = set.vault.list('records');
    set.vault.lock();
    await expect(set.vault.get('records', 'a').catch(ignoreLocked)).resolves.toBeUndefined();
    await expect(pending.catch(ignoreLocked)).resolves.toBeDefined();
    await expect(Promise.reject(new Error('disk')).catch(ignoreLocked)).rejects.toThrow('disk');
  });

  it('refuses collection names and ids that could say something in clear', async () => {
    const set = await memoryDoor().setUp(PASS);
    if (!set.ok) throw new Error('set-up failed');
    await expect(set.vault.put('records', 'Marie Dupont', {})).rejects.toThrow(/bad vault id/);
    await expect(set.vault.put('Records/x', 'a', {})).rejects.toThrow(/bad vault collection/);
  });

  it('tells a wrong passphrase, and slows retries with a growing delay that a reload does not reset', async () => {
    const backend = createMemoryVaultBackend();
    let now = 1_000_000;
    const clock = () => now;
    await memoryDoor(backend, clock).setUp(PASS);
    const door = memoryDoor(backend, clock);
    expect(await door.unlock('mauvaise phrase de passe')).toEqual({ ok: false, reason: 'wrong', retryInMs: 1000 });
    expect(await door.unlock(PASS)).toEqual({ ok: false, reason: 'wait', retryInMs: 1000 });
    now += 1000;
    expect(await door.unlock('encore une mauvaise')).toEqual({ ok: false, reason: 'wrong', retryInMs: 2000 });
    now += 500;
    // A reload: a new door over the same bytes still waits.
    const reloaded = memoryDoor(backend, clock);
    expect(await reloaded.retryIn()).toBe(1500);
    expect((await reloaded.unlock(PASS)).ok).toBe(false);
    now += 1500;
    const opened = await reloaded.unlock(PASS);
    expect(opened.ok).toBe(true);
    // A right passphrase resets the count.
    expect(await reloaded.retryIn()).toBe(0);
    expect(await reloaded.unlock('fausse de nouveau')).toEqual({ ok: false, reason: 'wrong', retryInMs: 1000 });
    expect([1, 2, 3, 4, 10, 20].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 300_000, 300_000]);
    expect(retryDelayMs(0)).toBe(0);
  });

  it('skips and reports a value that was tampered with', async () => {
    const backend = createMemoryVaultBackend();
    const door = memoryDoor(backend);
    const problems: string[] = [];
    door.subscribe((p) => problems.push(p.place));
    const set = await door.setUp(PASS);
    if (!set.ok) throw new Error('set-up failed');
    await set.vault.put('records', 'a', { x: 1 });
    await set.vault.put('records', 'b', { x: 2 });
    const sealed = backend.entries.get('records/a') as Sealed;
    sealed.data[3] = (sealed.data[3] ?? 0) ^ 0xff;
    // A value copied over another entry does not open there either.
    backend.entries.set('records/c', structuredClone(backend.entries.get('records/b')));
    expect(await set.vault.list('records')).toEqual([{ id: 'b', value: { x: 2 } }]);
    expect(await set.vault.get('records', 'a')).toBeUndefined();
    expect(problems.sort()).toEqual(['records/a', 'records/a', 'records/c']);
  });

  it('wipes everything, key entry included: the next visit chooses a new passphrase', async () => {
    const backend = createMemoryVaultBackend();
    const door = memoryDoor(backend);
    const set = await door.setUp(PASS);
    if (!set.ok) throw new Error('set-up failed');
    await set.vault.put('records', 'a', { x: 1 });
    expect(await door.wipe()).toEqual({ ok: true });
    expect(set.vault.locked).toBe(true);
    expect(backend.entries.size).toBe(0);
    expect(await door.state()).toBe('unset');
  });
});

describe('erasing from the locked door', () => {
  it('needs the passphrase: a wrong one counts as a try and erases nothing', async () => {
    const backend = createMemoryVaultBackend();
    let now = 1_000_000;
    const door = memoryDoor(backend, () => now);
    const set = await door.setUp(PASS);
    if (!set.ok) throw new Error('set-up failed');
    await set.vault.put('records', 'a', { x: 1 });
    expect(await door.erase('pas la bonne phrase')).toEqual({ ok: false, reason: 'wrong', retryInMs: 1000 });
    expect(await door.erase(PASS)).toEqual({ ok: false, reason: 'wait', retryInMs: 1000 });
    expect(backend.entries.size).toBe(2);
    now += 1000;
    expect(await door.erase(PASS)).toEqual({ ok: true });
    expect(set.vault.locked).toBe(true);
    expect(backend.entries.size).toBe(0);
    expect(await door.state()).toBe('unset');
  });

  it('tells, without the passphrase, how many records a reset would erase and when the last backup was made', async () => {
    const door = memoryDoor();
    const set = await door.setUp(PASS);
    if (!set.ok) throw new Error('set-up failed');
    await set.vault.put('records', 'a', { x: 1 });
    await set.vault.put('records', 'b', { x: 2 });
    await set.vault.put('roster', 'group', { assignments: {} });
    expect(await door.summary()).toEqual({ records: 2 });
    await door.noteBackup(1_700_000_000_000);
    expect(await door.summary()).toEqual({ records: 2, lastBackupAt: 1_700_000_000_000 });
    // Noting a backup keeps the key entry whole: the passphrase still opens.
    expect((await door.unlock(PASS)).ok).toBe(true);
  });
});

describe('the vault in IndexedDB', () => {
  const NAME = 'reperes-vault-test';

  it('survives a reload, sits beside the kiosk stores, and the kiosk wipes never touch it', async () => {
    const factory = new IDBFactory();
    const door = await openVaultDoor({ indexedDB: factory, name: NAME, iterations: FAST });
    doors.push(door);
    expect(door.backend).toBe('indexeddb');
    const set = await door.setUp(PASS);
    if (!set.ok) throw new Error('set-up failed');
    await set.vault.put('records', 'r1', { code: 'K7F-2QX' });
    const { store } = await openStorage({ indexedDB: factory, name: NAME });
    await store.forgetMode('kiosk');
    await store.wipeAll();
    store.close();
    door.close();
    const again = await openVaultDoor({ indexedDB: factory, name: NAME, iterations: FAST });
    doors.push(again);
    expect(await again.state()).toBe('locked');
    const opened = await again.unlock(PASS);
    if (!opened.ok) throw new Error('unlock failed');
    expect(await opened.vault.list('records')).toEqual([{ id: 'r1', value: { code: 'K7F-2QX' } }]);
  });

  it('holds nothing readable: a raw read finds no code, note or answer in clear', async () => {
    const factory = new IDBFactory();
    const door = await openVaultDoor({ indexedDB: factory, name: NAME, iterations: FAST });
    doors.push(door);
    const set = await door.setUp(PASS);
    if (!set.ok) throw new Error('set-up failed');
    const secret = { code: 'K7F-2QX', notes: { internet: 'Vit seule, fille à Lyon' }, answers: { 'demarches-en-ligne': { type: 'choice', option: 'avec-aide' } } };
    await set.vault.put('records', 'opaque1', secret);
    door.close();
    const db = await rawOpen(factory, NAME);
    const tx = db.transaction('vault', 'readonly');
    const [keys, values] = await Promise.all([done(tx.objectStore('vault').getAllKeys()), done(tx.objectStore('vault').getAll())]);
    db.close();
    expect(keys.sort()).toEqual(['meta', 'records/opaque1']);
    // Every byte and every string of the raw values, as text.
    const dump = (v: unknown): string =>
      ArrayBuffer.isView(v) ? new TextDecoder('latin1').decode(v as Uint8Array) : v instanceof ArrayBuffer ? new TextDecoder('latin1').decode(v) : v && typeof v === 'object' ? Object.entries(v).map(([k, x]) => `${k}:${dump(x)}`).join('|') : String(v);
    const text = values.map(dump).join('\n') + keys.join('\n');
    for (const needle of ['K7F', 'Lyon', 'seule', 'demarches', 'avec-aide', 'internet', 'choice', PASS]) expect(text).not.toContain(needle);
  });
});

describe('tries counted across tabs', () => {
  it('lets only one of several tabs submitting at once try a passphrase; the others wait', async () => {
    const factory = new IDBFactory();
    const name = 'reperes-vault-tabs';
    const first = await openVaultDoor({ indexedDB: factory, name, iterations: FAST });
    doors.push(first);
    expect((await first.setUp(PASS)).ok).toBe(true);
    // Four tabs, four connections to the same database, each submitting a wrong passphrase at once.
    const tabs = await Promise.all([1, 2, 3, 4].map(() => openVaultDoor({ indexedDB: factory, name, iterations: FAST })));
    doors.push(...tabs);
    const answers = await Promise.all(tabs.map((tab, i) => tab.unlock(`mauvaise phrase numéro ${i}`)));
    expect(answers.filter((a) => !a.ok && a.reason === 'wrong')).toHaveLength(1);
    expect(answers.filter((a) => !a.ok && a.reason === 'wait')).toHaveLength(3);
    expect(await first.retryIn()).toBeGreaterThan(0);
  });
});
