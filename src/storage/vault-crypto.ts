// The vault's cryptography, on WebCrypto only (nothing of our own): PBKDF2-SHA-256 turns the
// passphrase into a non-extractable AES-GCM 256-bit key; every value is sealed with a fresh random
// 96-bit IV and bound to where it is stored (additional data), so a sealed value moved to another
// entry, or changed by one bit, does not open.

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. Stored with the salt, so a later version may raise it. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;

/** A sealed value as stored: the IV and the ciphertext with its 128-bit tag. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

export interface VaultCrypto {
  subtle: SubtleCrypto;
  randomBytes: (n: number) => Uint8Array<ArrayBuffer>;
}

/** The page's WebCrypto (a secure context: https or localhost). */
export function webCrypto(): VaultCrypto | undefined {
  const c = globalThis.crypto as Crypto | undefined;
  if (!c?.subtle || typeof c.getRandomValues !== 'function') return undefined;
  return { subtle: c.subtle, randomBytes: (n) => c.getRandomValues(new Uint8Array(n)) };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The key from a passphrase and a salt: non-extractable, for AES-GCM encrypt and decrypt only. */
export async function deriveKey(crypto: VaultCrypto, passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  // NFC: the same passphrase typed on another keyboard (composed or not) gives the same key.
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Seals JSON data; `place` names where it is stored and must be given again to open it. */
export async function seal(crypto: VaultCrypto, key: CryptoKey, value: unknown, place: string): Promise<Sealed> {
  const iv = crypto.randomBytes(IV_BYTES);
  const plain = encoder.encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(place), tagLength: 128 }, key, plain);
  return { iv, data: new Uint8Array(data) };
}

/** Opens a sealed value; rejects when the key is wrong, the place differs or anything was changed. */
export async function unseal(crypto: VaultCrypto, key: CryptoKey, sealed: Sealed, place: string): Promise<unknown> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(place), tagLength: 128 }, key, sealed.data);
  return JSON.parse(decoder.decode(plain)) as unknown;
}

/** A stored value that looks like a sealed one (bytes come back from IndexedDB as typed arrays or buffers). */
export function asSealed(raw: unknown): Sealed | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { iv, data } = raw as Record<string, unknown>;
  const bytes = (v: unknown): Uint8Array<ArrayBuffer> | undefined =>
    v instanceof ArrayBuffer ? new Uint8Array(v) : ArrayBuffer.isView(v) ? new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) as ArrayBuffer) : undefined;
  const i = bytes(iv);
  const d = bytes(data);
  return i && d && i.length === IV_BYTES && d.length >= 16 ? { iv: i, data: d } : undefined;
}

/** What the verifier seals: opening it proves the passphrase without storing anything derived from it in clear. */
export const VERIFIER_TEXT = 'reperes-vault';
export const VERIFIER_PLACE = 'verifier';

/** Bytes as base 64, for the files and documents that carry sealed values (a backup, the team server). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Base 64 back to bytes; undefined for anything else. */
export function fromBase64(text: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  try {
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}
