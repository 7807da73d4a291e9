// The professional vault: every professional record (interviews, workshop placements, rosters…)
// encrypted at rest in IndexedDB under a key derived from a passphrase chosen on first use on the
// device. Nothing in it is readable without the passphrase: values are JSON sealed with AES-GCM
// (vault-crypto.ts); in clear there are only collection names, the ids the caller gives (opaque,
// random ids only: never a code, a name or anything about a person), the salt, the iteration
// count and the count of failed tries. A forgotten passphrase means unreadable records: the only
// way out is wipe(), which erases the whole vault.
//
// The kiosk never touches it: forgetMode('kiosk'), "Terminer et effacer" and wipeAll() clear the
// session stores only.
import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import { PASSPHRASE_MIN_LENGTH, passphraseProblem, type PassphraseProblem } from '../core/passphrase.ts';
import { describeError, failureCode, Notices, OK } from './records.ts';
import { openReperesDatabase, StorageOpenError } from './indexeddb-store.ts';
import type { ReperesSchema } from './schema.ts';
import type { FallbackCode, WriteResult } from './session-store.ts';
import { asSealed, deriveKey, PBKDF2_ITERATIONS, SALT_BYTES, seal, unseal, VERIFIER_PLACE, VERIFIER_TEXT, webCrypto, type Sealed, type VaultCrypto } from './vault-crypto.ts';

export { PBKDF2_ITERATIONS } from './vault-crypto.ts';

/** What the pro space's sections read and write. Values are any JSON; every write is sealed with a fresh IV. */
export interface Vault {
  /** Every readable value of a collection (a value that does not open is skipped and reported). */
  list<T>(collection: string): Promise<{ id: string; value: T }[]>;
  get<T>(collection: string, id: string): Promise<T | undefined>;
  put(collection: string, id: string, value: unknown): Promise<WriteResult>;
  remove(collection: string, id: string): Promise<WriteResult>;
}

/** The vault while it is open; lock() forgets the key, and every later call throws VaultLockedError. */
export interface OpenVault extends Vault {
  lock(): void;
  readonly locked: boolean;
  /** Every readable value of every collection (the backup's content). */
  listAll(): Promise<{ collection: string; id: string; value: unknown }[]>;
  /**
   * Seals a value with the vault's key for another place (a backup file), and says how the key is
   * derived (salt, iterations): the same passphrase opens it on any device, the key never leaves.
   */
  sealOut(value: unknown, place: string): Promise<{ sealed: Sealed; salt: Uint8Array<ArrayBuffer>; iterations: number }>;
  /** The sealed entries as they are, for team sync (vault-sync.ts): the server only ever sees these. */
  readonly raw: RawVaultAccess;
}

/** The key material a team shares (in clear on its server: nothing in it reveals the passphrase). */
export interface TeamKey {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  verifier: Sealed;
}

export interface RawVaultAccess {
  /** Every sealed entry: [place, sealed]. */
  entries(): Promise<[string, Sealed][]>;
  write(place: string, sealed: Sealed): Promise<WriteResult>;
  delete(place: string): Promise<WriteResult>;
  /** Opens a sealed value met elsewhere (another version of an entry), undefined when it does not open. */
  open(place: string, sealed: Sealed): Promise<unknown>;
  /** This vault's key material (salt, iterations, verifier). */
  key(): Promise<TeamKey>;
  /**
   * Joins a team whose key material differs: derives the team's key from the passphrase, checks it
   * against the team's verifier, re-seals every entry with it and makes it this vault's key.
   */
  rekey(passphrase: string, team: TeamKey): Promise<'ok' | 'wrong' | 'failed'>;
}

export class VaultLockedError extends Error {
  constructor() {
    super('the vault is locked');
    this.name = 'VaultLockedError';
  }
}

/**
 * For a read started while the vault was open and finished after it locked (idle, "Verrouiller",
 * leaving): the screen that asked is gone, so there is nothing to do. Any other error is rethrown.
 * Use: `load().catch(ignoreLocked)`.
 */
export function ignoreLocked(error: unknown): undefined {
  if (error instanceof VaultLockedError) return undefined;
  throw error;
}

export { PASSPHRASE_MIN_LENGTH, type PassphraseProblem } from '../core/passphrase.ts';

/** How long to wait after `failures` wrong passphrases in a row: 0, then 1 s, 2 s, 4 s… up to 5 minutes. */
export function retryDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(300_000, 1000 * 2 ** (failures - 1));
}

/** The vault's key entry, stored in clear: nothing in it reveals the passphrase or a record. */
export interface VaultMeta {
  version: 1;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  /** A known text sealed with the key: opening it tells a right passphrase from a wrong one. */
  verifier: Sealed;
  /** Wrong passphrases in a row, and when the last one was given (ms since 1970): slows retries across reloads. */
  failures: number;
  lastFailureAt?: number;
  /** When the vault was last exported to a backup file (ms since 1970): a date about no one. */
  lastBackupAt?: number;
}

/** What updateMeta's step decides: the meta to write (or none), and what to answer. */
export interface MetaUpdate<R> {
  next?: VaultMeta;
  result: R;
}

/** Where the vault's bytes live: IndexedDB, or memory (tests, or no IndexedDB). */
export interface VaultBackend {
  readonly kind: 'indexeddb' | 'memory';
  readMeta(): Promise<unknown>;
  writeMeta(meta: VaultMeta): Promise<WriteResult>;
  /**
   * Reads the key entry and writes what `step` decides in one transaction, so that two tabs never
   * both read the same count of tries (`step` must be synchronous). Undefined when the write failed.
   */
  updateMeta<R>(step: (raw: unknown) => MetaUpdate<R>): Promise<R | undefined>;
  /** How many values a collection holds (their places are in clear; nothing is opened). */
  count(prefix: string): Promise<number>;
  read(place: string): Promise<unknown>;
  /** Every [place, raw] whose place starts with the prefix. */
  readPrefix(prefix: string): Promise<[string, unknown][]>;
  write(place: string, sealed: Sealed): Promise<WriteResult>;
  delete(place: string): Promise<WriteResult>;
  /** Everything: the key entry and every value. */
  clear(): Promise<WriteResult>;
  close(): void;
}

export type UnlockResult =
  | { ok: true; vault: OpenVault }
  /** Wrong passphrase, or too soon after one: the next try is allowed in retryInMs. */
  | { ok: false; reason: 'wrong' | 'wait'; retryInMs: number }
  /** No passphrase was ever chosen on this device, or the key entry is unreadable. */
  | { ok: false; reason: 'unset' | 'failed' };

export type SetUpResult =
  | { ok: true; vault: OpenVault }
  /** Refused as too easy to guess, with the reason in a word (passphraseProblem of src/core). */
  | { ok: false; reason: 'weak'; problem: PassphraseProblem }
  | { ok: false; reason: 'already-set' | 'failed' };

/** Erasing with the passphrase: the same check, and the same slowed retries, as unlocking. */
export type EraseResult = { ok: true } | { ok: false; reason: 'wrong' | 'wait'; retryInMs: number } | { ok: false; reason: 'unset' | 'failed' };

/** What the locked door may tell without the passphrase: counts and dates in clear, nothing about a person. */
export interface VaultSummary {
  records: number;
  lastBackupAt?: number;
}

export type VaultProblem = { code: 'vault.unreadable'; place: string };

/** The vault before it opens: set up, unlock, wipe. */
export interface VaultDoor {
  readonly backend: 'indexeddb' | 'memory';
  /** Set when the vault lives in memory only (nothing survives a reload): why. */
  readonly fallback?: FallbackCode | undefined;
  /** 'unset': no passphrase chosen on this device yet; 'locked': one was. */
  state(): Promise<'unset' | 'locked'>;
  setUp(passphrase: string): Promise<SetUpResult>;
  unlock(passphrase: string): Promise<UnlockResult>;
  /** Milliseconds before another try is allowed (0: now). */
  retryIn(): Promise<number>;
  /** Erases the whole vault once the passphrase is checked (a wrong one counts as a try). */
  erase(passphrase: string): Promise<EraseResult>;
  /**
   * Erases the whole vault, key entry included, without the passphrase: the deliberate reset for a
   * forgotten one (the screen asks for it to be typed out). Every professional record is gone.
   */
  wipe(): Promise<WriteResult>;
  summary(): Promise<VaultSummary>;
  /** Notes that the vault was just exported to a backup file (for the reminder). */
  noteBackup(at: number): Promise<WriteResult>;
  /** Values that did not open (tampered or damaged), reported as they are met. */
  subscribe(listener: (problem: VaultProblem) => void): () => void;
  close(): void;
}

export interface VaultDoorOptions {
  backend: VaultBackend;
  crypto?: VaultCrypto;
  /** PBKDF2 iterations for a new vault; tests lower it, the app never does. */
  iterations?: number;
  /** Milliseconds since 1970, for the retry delay. */
  clock?: () => number;
  fallback?: FallbackCode;
}

const COLLECTION = /^[a-z][a-z0-9-]{0,39}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const META = 'meta';

function placeOf(collection: string, id: string): string {
  if (!COLLECTION.test(collection)) throw new Error(`bad vault collection name: ${collection}`);
  if (!ID.test(id)) throw new Error(`bad vault id: ${id}`);
  return `${collection}/${id}`;
}

function readMeta(raw: unknown): VaultMeta | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  const salt = asSealed({ iv: new Uint8Array(12), data: m.salt })?.data;
  const verifier = asSealed(m.verifier);
  if (m.version !== 1 || m.kdf !== 'PBKDF2-SHA-256' || typeof m.iterations !== 'number' || m.iterations < 1 || !salt || salt.length !== SALT_BYTES || !verifier) return undefined;
  const failures = typeof m.failures === 'number' && m.failures >= 0 ? m.failures : 0;
  return {
    version: 1,
    kdf: 'PBKDF2-SHA-256',
    iterations: m.iterations,
    salt,
    verifier,
    failures,
    ...(typeof m.lastFailureAt === 'number' ? { lastFailureAt: m.lastFailureAt } : {}),
    ...(typeof m.lastBackupAt === 'number' ? { lastBackupAt: m.lastBackupAt } : {}),
  };
}

export function createVaultDoor({ backend, crypto = webCrypto(), iterations = PBKDF2_ITERATIONS, clock = Date.now, fallback }: VaultDoorOptions): VaultDoor {
  if (!crypto) throw new Error('WebCrypto is not available (the app must be served over https or from localhost)');
  const c = crypto;
  const problems = new Set<(problem: VaultProblem) => void>();
  const report = (problem: VaultProblem) => problems.forEach((listener) => listener(problem));
  const open: OpenVaultImpl[] = [];

  const waitFor = (meta: VaultMeta): number => {
    if (!meta.failures || meta.lastFailureAt === undefined) return 0;
    return Math.max(0, meta.lastFailureAt + retryDelayMs(meta.failures) - clock());
  };

  type Checked = { ok: true; key: CryptoKey } | { ok: false; reason: 'wrong' | 'wait'; retryInMs: number } | { ok: false; reason: 'unset' | 'failed' };

  /**
   * Checks a passphrase. The try is counted before the (slow) derivation, in the same transaction
   * that read the count: several tabs submitting at once each see the others' tries and wait, so
   * the back-off cannot be bypassed. A right passphrase then resets the count.
   */
  const check = async (passphrase: string): Promise<Checked> => {
    type Reserved = { ok: true; meta: VaultMeta; failures: number } | { ok: false; reason: 'wait'; retryInMs: number } | { ok: false; reason: 'unset' | 'failed' };
    const reserved = await backend.updateMeta<Reserved>((raw) => {
      if (raw === undefined) return { result: { ok: false, reason: 'unset' } };
      const meta = readMeta(raw);
      if (!meta) return { result: { ok: false, reason: 'failed' } };
      const wait = waitFor(meta);
      if (wait > 0) return { result: { ok: false, reason: 'wait', retryInMs: wait } };
      const failures = meta.failures + 1;
      return { next: { ...meta, failures, lastFailureAt: clock() }, result: { ok: true, meta, failures } };
    });
    if (!reserved) return { ok: false, reason: 'failed' };
    if (!reserved.ok) return reserved;
    const { meta } = reserved;
    const key = await deriveKey(c, passphrase, meta.salt, meta.iterations);
    let right = false;
    try {
      right = (await unseal(c, key, meta.verifier, VERIFIER_PLACE)) === VERIFIER_TEXT;
    } catch {
      right = false;
    }
    if (!right) return { ok: false, reason: 'wrong', retryInMs: retryDelayMs(reserved.failures) };
    await backend.updateMeta((raw) => {
      const now = readMeta(raw);
      if (!now) return { result: undefined };
      const { lastFailureAt: _, ...rest } = now;
      return { next: { ...rest, failures: 0 }, result: undefined };
    });
    return { ok: true, key };
  };

  const openVault = (key: CryptoKey): OpenVault => {
    const vault = new OpenVaultImpl(backend, c, key, report, async () => {
      const meta = readMeta(await backend.readMeta());
      if (!meta) throw new Error('the vault has no key entry');
      return meta;
    });
    open.push(vault);
    return vault;
  };

  return {
    backend: backend.kind,
    fallback,
    async state() {
      return (await backend.readMeta()) === undefined ? 'unset' : 'locked';
    },
    async setUp(passphrase) {
      const problem = passphraseProblem(passphrase);
      if (problem) return { ok: false, reason: 'weak', problem };
      if ((await backend.readMeta()) !== undefined) return { ok: false, reason: 'already-set' };
      const salt = c.randomBytes(SALT_BYTES);
      const key = await deriveKey(c, passphrase, salt, iterations);
      const verifier = await seal(c, key, VERIFIER_TEXT, VERIFIER_PLACE);
      const written = await backend.writeMeta({ version: 1, kdf: 'PBKDF2-SHA-256', iterations, salt, verifier, failures: 0 });
      return written.ok ? { ok: true, vault: openVault(key) } : { ok: false, reason: 'failed' };
    },
    async unlock(passphrase) {
      const checked = await check(passphrase);
      return checked.ok ? { ok: true, vault: openVault(checked.key) } : checked;
    },
    async erase(passphrase) {
      const checked = await check(passphrase);
      if (!checked.ok) return checked;
      open.splice(0).forEach((v) => v.lock());
      return (await backend.clear()).ok ? { ok: true } : { ok: false, reason: 'failed' };
    },
    async retryIn() {
      const meta = readMeta(await backend.readMeta());
      return meta ? waitFor(meta) : 0;
    },
    async wipe() {
      open.splice(0).forEach((v) => v.lock());
      return backend.clear();
    },
    async summary() {
      const meta = readMeta(await backend.readMeta());
      const records = await backend.count('records/');
      return { records, ...(meta?.lastBackupAt === undefined ? {} : { lastBackupAt: meta.lastBackupAt }) };
    },
    async noteBackup(at) {
      const done = await backend.updateMeta((raw) => {
        const meta = readMeta(raw);
        return meta ? { next: { ...meta, lastBackupAt: at }, result: true } : { result: false };
      });
      return done ? OK : { ok: false, code: 'storage.failed' };
    },
    subscribe(listener) {
      problems.add(listener);
      return () => problems.delete(listener);
    },
    close() {
      open.splice(0).forEach((v) => v.lock());
      backend.close();
    },
  };
}

class OpenVaultImpl implements OpenVault {
  private key: CryptoKey | undefined;

  constructor(
    private readonly backend: VaultBackend,
    private readonly crypto: VaultCrypto,
    key: CryptoKey,
    private readonly report: (problem: VaultProblem) => void,
    private readonly derivation: () => Promise<VaultMeta>,
  ) {
    this.key = key;
  }

  readonly raw: RawVaultAccess = {
    entries: async () => {
      this.currentKey();
      return (await this.backend.readPrefix('')).flatMap(([place, raw]): [string, Sealed][] => {
        const sealed = asSealed(raw);
        return place.includes('/') && sealed ? [[place, sealed]] : [];
      });
    },
    write: async (place, sealed) => {
      this.currentKey();
      return this.backend.write(place, sealed);
    },
    delete: async (place) => {
      this.currentKey();
      return this.backend.delete(place);
    },
    open: async (place, sealed) => {
      try {
        return await unseal(this.crypto, this.currentKey(), sealed, place);
      } catch (error) {
        if (error instanceof VaultLockedError) throw error;
        return undefined;
      }
    },
    key: async () => {
      const { salt, iterations, verifier } = await this.derivation();
      return { salt, iterations, verifier };
    },
    rekey: async (passphrase, team) => {
      const old = this.currentKey();
      const next = await deriveKey(this.crypto, passphrase, team.salt, team.iterations);
      try {
        if ((await unseal(this.crypto, next, team.verifier, VERIFIER_PLACE)) !== VERIFIER_TEXT) return 'wrong';
      } catch {
        return 'wrong';
      }
      // Everything is opened with the old key before anything is written with the new one.
      const values: [string, unknown][] = [];
      for (const [place, raw] of await this.backend.readPrefix('')) {
        const sealed = asSealed(raw);
        if (!place.includes('/') || !sealed) continue;
        try {
          values.push([place, await unseal(this.crypto, old, sealed, place)]);
        } catch {
          // A value that does not open with the old key cannot be carried over: left as it is.
        }
      }
      const meta = await this.derivation();
      for (const [place, value] of values) {
        if (!(await this.backend.write(place, await seal(this.crypto, next, value, place))).ok) return 'failed';
      }
      const written = await this.backend.writeMeta({ version: 1, kdf: 'PBKDF2-SHA-256', iterations: team.iterations, salt: team.salt, verifier: team.verifier, failures: 0, ...(meta.lastBackupAt === undefined ? {} : { lastBackupAt: meta.lastBackupAt }) });
      if (!written.ok) return 'failed';
      this.key = next;
      return 'ok';
    },
  };

  async listAll(): Promise<{ collection: string; id: string; value: unknown }[]> {
    this.currentKey();
    const out: { collection: string; id: string; value: unknown }[] = [];
    for (const [place, raw] of await this.backend.readPrefix('')) {
      const slash = place.indexOf('/');
      if (slash < 1) continue;
      const value = await this.open(place, raw);
      if (value !== undefined) out.push({ collection: place.slice(0, slash), id: place.slice(slash + 1), value });
    }
    return out;
  }

  async sealOut(value: unknown, place: string): Promise<{ sealed: Sealed; salt: Uint8Array<ArrayBuffer>; iterations: number }> {
    const sealed = await seal(this.crypto, this.currentKey(), value, place);
    return { sealed, ...(await this.derivation()) };
  }

  get locked(): boolean {
    return this.key === undefined;
  }

  lock(): void {
    this.key = undefined;
  }

  private currentKey(): CryptoKey {
    if (!this.key) throw new VaultLockedError();
    return this.key;
  }

  private async open(place: string, raw: unknown): Promise<unknown> {
    const key = this.currentKey();
    const sealed = asSealed(raw);
    try {
      if (!sealed) throw new Error('not a sealed value');
      return await unseal(this.crypto, key, sealed, place);
    } catch {
      this.report({ code: 'vault.unreadable', place });
      return undefined;
    }
  }

  async list<T>(collection: string): Promise<{ id: string; value: T }[]> {
    if (!COLLECTION.test(collection)) throw new Error(`bad vault collection name: ${collection}`);
    const prefix = `${collection}/`;
    this.currentKey();
    const out: { id: string; value: T }[] = [];
    for (const [place, raw] of await this.backend.readPrefix(prefix)) {
      const value = await this.open(place, raw);
      if (value !== undefined) out.push({ id: place.slice(prefix.length), value: value as T });
    }
    return out;
  }

  async get<T>(collection: string, id: string): Promise<T | undefined> {
    const place = placeOf(collection, id);
    this.currentKey();
    const raw = await this.backend.read(place);
    return raw === undefined ? undefined : ((await this.open(place, raw)) as T | undefined);
  }

  async put(collection: string, id: string, value: unknown): Promise<WriteResult> {
    const place = placeOf(collection, id);
    const sealed = await seal(this.crypto, this.currentKey(), value, place);
    return this.backend.write(place, sealed);
  }

  async remove(collection: string, id: string): Promise<WriteResult> {
    const place = placeOf(collection, id);
    this.currentKey();
    return this.backend.delete(place);
  }
}

/** The memory twin: the same bytes IndexedDB would hold, copied in and out as structured clone does. */
export function createMemoryVaultBackend(): VaultBackend & { readonly entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    kind: 'memory',
    entries,
    readMeta: async () => (entries.has(META) ? structuredClone(entries.get(META)) : undefined),
    writeMeta: async (meta) => {
      entries.set(META, structuredClone(meta));
      return OK;
    },
    updateMeta: async (step) => {
      const { next, result } = step(entries.has(META) ? structuredClone(entries.get(META)) : undefined);
      if (next) entries.set(META, structuredClone(next));
      return result;
    },
    count: async (prefix) => [...entries.keys()].filter((k) => k !== META && k.startsWith(prefix)).length,
    read: async (place) => (entries.has(place) ? structuredClone(entries.get(place)) : undefined),
    readPrefix: async (prefix) => [...entries].filter(([k]) => k !== META && k.startsWith(prefix)).map(([k, v]): [string, unknown] => [k, structuredClone(v)]),
    write: async (place, sealed) => {
      entries.set(place, structuredClone(sealed));
      return OK;
    },
    delete: async (place) => {
      entries.delete(place);
      return OK;
    },
    clear: async () => {
      entries.clear();
      return OK;
    },
    close: () => undefined,
  };
}

type Database = IDBPDatabase<ReperesSchema>;

/** The vault's store in the app's database (version 3 and later). */
export function createIndexedDbVaultBackend(db: Database): VaultBackend {
  const notices = new Notices();
  let current: Database | undefined = db;
  // A newer version wants the database (another tab updated): let it, and refuse from now on.
  db.addEventListener('versionchange', () => {
    db.close();
    current = undefined;
  });
  const connection = (): Database => {
    if (!current) throw new DOMException('the vault connection is closed', 'InvalidStateError');
    return current;
  };
  const write = async (body: (store: IDBPObjectStore<ReperesSchema, ['vault'], 'vault', 'readwrite'>) => Promise<unknown>): Promise<WriteResult> => {
    try {
      const tx = connection().transaction('vault', 'readwrite');
      tx.done.catch(() => undefined);
      await body(tx.store);
      await tx.done;
      return OK;
    } catch (error) {
      return notices.fail(failureCode(error), describeError(error));
    }
  };
  return {
    kind: 'indexeddb',
    readMeta: async () => connection().get('vault', META),
    writeMeta: (meta) => write((store) => store.put(meta, META)),
    async updateMeta(step) {
      let result: ReturnType<typeof step>['result'] | undefined;
      const written = await write(async (store) => {
        const decided = step(await store.get(META));
        result = decided.result;
        if (decided.next) await store.put(decided.next, META);
      });
      return written.ok ? result : undefined;
    },
    count: async (prefix) => connection().count('vault', IDBKeyRange.bound(prefix, `${prefix}\uffff`)),
    read: async (place) => connection().get('vault', place),
    async readPrefix(prefix) {
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      const tx = connection().transaction('vault', 'readonly');
      tx.done.catch(() => undefined);
      const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
      return keys.map((k, i): [string, unknown] => [k, values[i]]);
    },
    write: (place, sealed) => write((store) => store.put(sealed, place)),
    delete: (place) => write((store) => store.delete(place)),
    clear: () => write((store) => store.clear()),
    close() {
      current?.close();
      current = undefined;
    },
  };
}

export interface OpenVaultDoorOptions {
  /** The IndexedDB factory; defaults to the page's. `null` asks for memory on purpose. */
  indexedDB?: IDBFactory | null;
  name?: string;
  iterations?: number;
  crypto?: VaultCrypto;
  clock?: () => number;
}

/** Opens the vault's door over IndexedDB, or over memory (with the reason) when IndexedDB cannot be had. */
export async function openVaultDoor(options: OpenVaultDoorOptions = {}): Promise<VaultDoor> {
  let factory: IDBFactory | null | undefined = options.indexedDB;
  if (factory === undefined) {
    try {
      factory = typeof indexedDB === 'undefined' ? null : indexedDB;
    } catch {
      factory = null;
    }
  }
  const rest = {
    ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
    ...(options.crypto === undefined ? {} : { crypto: options.crypto }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  };
  if (!factory) return createVaultDoor({ backend: createMemoryVaultBackend(), fallback: 'storage.unavailable', ...rest });
  try {
    const db = await openReperesDatabase({ indexedDB: factory, ...(options.name === undefined ? {} : { name: options.name }) });
    return createVaultDoor({ backend: createIndexedDbVaultBackend(db), ...rest });
  } catch (error) {
    const code: FallbackCode = error instanceof StorageOpenError ? error.code : 'storage.unavailable';
    return createVaultDoor({ backend: createMemoryVaultBackend(), fallback: code, ...rest });
  }
}
