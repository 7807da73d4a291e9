// The vault as one backup file, sealed with the passphrase: every collection of the vault (records,
// roster…) and the clear-text data about no one (the workshop catalogue, the local places), in one
// JSON text whose content is AES-GCM-sealed with the vault's own key (PBKDF2-SHA-256 of the
// passphrase, the vault's salt and iteration count, written in the file). The header is the sealed
// content's additional data: a file whose date, salt or count was changed does not open. A verifier
// (a known text sealed the same way) tells a wrong passphrase from a damaged file.
//
// Restoring merges by id, never duplicates: a record already on the device is kept unless the
// file's copy is newer; the roster, the catalogue and the places are merged the same way. Nothing
// is written unless the whole file opened.
import { asSealed, deriveKey, IV_BYTES, unseal, webCrypto, type Sealed, type VaultCrypto, fromBase64, toBase64 } from './vault-crypto.ts';
import type { OpenVault } from './vault.ts';

export const BACKUP_FORMAT = 'reperes-backup';
export const BACKUP_VERSION = 1;
/** The file name's extension; the content is JSON. */
export const BACKUP_EXTENSION = '.reperes';
/** A reminder shows when the last backup is older than this (or there never was one). */
export const BACKUP_REMINDER_DAYS = 30;

/** Collections that belong to the device, never to a backup (e.g. the sync credentials). */
export const DEVICE_COLLECTIONS: readonly string[] = ['device'];

/** What a backup holds once opened. */
export interface BackupContent {
  vault: { collection: string; id: string; value: unknown }[];
  /** Clear-text data about no one, by settings key (workshops, places). */
  settings: Record<string, unknown>;
}

interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  kdf: { name: 'PBKDF2-SHA-256'; iterations: number; salt: string };
  cipher: 'AES-GCM-256';
}

interface BackupFile extends BackupHeader {
  verifier: { iv: string; data: string };
  content: { iv: string; data: string };
}

const VERIFIER_TEXT = 'reperes-backup';

const b64 = toBase64;
const unb64 = fromBase64;

/** The additional data both sealed parts are bound to: the whole header. */
function headerPlace(h: BackupHeader, part: 'verifier' | 'content'): string {
  return `${h.format}/${h.version}/${h.createdAt}/${h.kdf.name}/${h.kdf.iterations}/${h.kdf.salt}/${h.cipher}/${part}`;
}

/** Writes the backup file's text: the vault's every collection (device ones left out) and the clear settings given. */
export async function createBackup(vault: OpenVault, settings: Record<string, unknown>, now = new Date()): Promise<{ text: string; records: number }> {
  const entries = (await vault.listAll()).filter((e) => !DEVICE_COLLECTIONS.includes(e.collection));
  const content: BackupContent = { vault: entries, settings };
  // The derivation first (salt, iterations), so that the header is known before sealing.
  const probe = await vault.sealOut(VERIFIER_TEXT, 'probe');
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    kdf: { name: 'PBKDF2-SHA-256', iterations: probe.iterations, salt: b64(probe.salt) },
    cipher: 'AES-GCM-256',
  };
  const verifier = await vault.sealOut(VERIFIER_TEXT, headerPlace(header, 'verifier'));
  const sealed = await vault.sealOut(content, headerPlace(header, 'content'));
  const part = (s: Sealed) => ({ iv: b64(s.iv), data: b64(s.data) });
  const file: BackupFile = { ...header, verifier: part(verifier.sealed), content: part(sealed.sealed) };
  return { text: JSON.stringify(file), records: entries.filter((e) => e.collection === 'records').length };
}

export type BackupProblem = 'damaged' | 'not-a-backup' | 'too-new' | 'wrong-passphrase';
export type OpenedBackup = { ok: true; content: BackupContent; createdAt: string } | { ok: false; problem: BackupProblem };

/** Opens a backup file's text with a passphrase; checks everything, changes nothing. */
export async function openBackup(text: string, passphrase: string, crypto: VaultCrypto | undefined = webCrypto()): Promise<OpenedBackup> {
  if (!crypto) throw new Error('WebCrypto is not available');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) return { ok: false, problem: 'not-a-backup' };
  const f = raw as Partial<BackupFile>;
  if (typeof f.version !== 'number') return { ok: false, problem: 'damaged' };
  if (f.version > BACKUP_VERSION) return { ok: false, problem: 'too-new' };
  const salt = unb64(f.kdf?.salt);
  const part = (p: unknown): Sealed | undefined => {
    const o = p as { iv?: unknown; data?: unknown } | undefined;
    const iv = unb64(o?.iv);
    const data = unb64(o?.data);
    return iv && data && iv.length === IV_BYTES ? asSealed({ iv, data }) : undefined;
  };
  const verifier = part(f.verifier);
  const sealed = part(f.content);
  const iterations = f.kdf?.iterations;
  if (!salt || !verifier || !sealed || typeof iterations !== 'number' || iterations < 1 || iterations > 10_000_000 || typeof f.createdAt !== 'string' || f.kdf?.name !== 'PBKDF2-SHA-256' || f.cipher !== 'AES-GCM-256') {
    return { ok: false, problem: 'damaged' };
  }
  const header: BackupHeader = { format: BACKUP_FORMAT, version: f.version, createdAt: f.createdAt, kdf: { name: 'PBKDF2-SHA-256', iterations, salt: f.kdf.salt as string }, cipher: 'AES-GCM-256' };
  const key = await deriveKey(crypto, passphrase, salt, iterations);
  try {
    if ((await unseal(crypto, key, verifier, headerPlace(header, 'verifier'))) !== VERIFIER_TEXT) return { ok: false, problem: 'wrong-passphrase' };
  } catch {
    // The verifier does not open: a wrong passphrase, or a header changed since the file was written.
    return { ok: false, problem: 'wrong-passphrase' };
  }
  let content: unknown;
  try {
    content = await unseal(crypto, key, sealed, headerPlace(header, 'content'));
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  const c = content as Partial<BackupContent> | null;
  if (!c || !Array.isArray(c.vault) || !c.settings || typeof c.settings !== 'object') return { ok: false, problem: 'damaged' };
  const entries = c.vault.filter((e): e is BackupContent['vault'][number] => !!e && typeof e === 'object' && typeof e.collection === 'string' && typeof e.id === 'string');
  return { ok: true, content: { vault: entries, settings: c.settings }, createdAt: f.createdAt };
}

/** When a value was last changed, for the merge: a professional record's session.updatedAt. */
function updatedAt(value: unknown): string {
  const at = (value as { session?: { updatedAt?: unknown } } | null)?.session?.updatedAt;
  return typeof at === 'string' ? at : '';
}

/** Items of a list merged by `id`: those already here are kept, the others added. */
export function mergeById(here: unknown, incoming: unknown): { merged: unknown; added: number } {
  const listOf = (v: unknown): { list: unknown[]; wrap?: string } | undefined => {
    if (Array.isArray(v)) return { list: v };
    if (v && typeof v === 'object') {
      const [k, list] = Object.entries(v).find(([, x]) => Array.isArray(x)) ?? [];
      if (k && Array.isArray(list)) return { list, wrap: k };
    }
    return undefined;
  };
  const a = listOf(here);
  const b = listOf(incoming);
  if (!b) return { merged: here, added: 0 };
  if (!a || here === undefined) return { merged: incoming, added: b.list.length };
  const ids = new Set(a.list.map((x) => (x as { id?: unknown })?.id));
  const extra = b.list.filter((x) => !ids.has((x as { id?: unknown })?.id));
  const list = [...a.list, ...extra];
  return { merged: a.wrap ? { ...(here as object), [a.wrap]: list } : list, added: extra.length };
}

export interface RestoreReport {
  /** Vault values added, replaced by a newer copy, or kept (the device's copy was as new or newer). */
  added: number;
  updated: number;
  kept: number;
  /** Items added to the clear-text lists (workshops, places). */
  settingsAdded: number;
  failed: number;
}

export interface ClearSettings {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<boolean>;
}

/** Merges an opened backup into the open vault and the clear settings, by id: no duplicates. */
export async function restoreBackup(vault: OpenVault, settings: ClearSettings, content: BackupContent): Promise<RestoreReport> {
  const report: RestoreReport = { added: 0, updated: 0, kept: 0, settingsAdded: 0, failed: 0 };
  for (const { collection, id, value } of content.vault) {
    if (DEVICE_COLLECTIONS.includes(collection)) continue;
    let here: unknown;
    try {
      here = await vault.get(collection, id);
    } catch {
      report.failed++;
      continue;
    }
    if (here !== undefined && collection === 'roster') {
      // The roster is one value: assignments merged, the device's kept on a clash.
      const a = (here as { assignments?: Record<string, string> }).assignments ?? {};
      const b = (value as { assignments?: Record<string, string> }).assignments ?? {};
      const merged = { ...(here as object), assignments: { ...b, ...a } };
      if (Object.keys(merged.assignments).length === Object.keys(a).length) report.kept++;
      else (await vault.put(collection, id, merged)).ok ? report.updated++ : report.failed++;
      continue;
    }
    if (here !== undefined && updatedAt(here) >= updatedAt(value)) {
      report.kept++;
      continue;
    }
    const written = await vault.put(collection, id, value);
    if (!written.ok) report.failed++;
    else if (here === undefined) report.added++;
    else report.updated++;
  }
  for (const [key, value] of Object.entries(content.settings)) {
    const { merged, added } = mergeById(await settings.get(key), value);
    if (added > 0 && (await settings.set(key, merged))) report.settingsAdded += added;
  }
  return report;
}

/** Whole days since the last backup (undefined: never). */
export function daysSince(at: number | undefined, now = Date.now()): number | undefined {
  return at === undefined ? undefined : Math.floor((now - at) / 86_400_000);
}
