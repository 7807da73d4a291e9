// Records and raw IndexedDB helpers shared by the storage tests.
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { vi } from 'vitest';
import type { OptionId, QuestionId, QuestionnaireId, SessionId, SessionMode, SessionRecord } from '../../src/core/index.ts';

export const NOW = '2026-11-23T10:00:00.000Z';
export const now = (): string => NOW;

/** A valid current-version record; `minute` orders records in time. */
export function record(id: string, overrides: Partial<SessionRecord> = {}, minute = 0): SessionRecord {
  const at = `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;
  return {
    version: 2,
    id: id as SessionId,
    questionnaireId: 'exemple' as QuestionnaireId,
    contentHash: 'hash-1',
    mode: 'kiosk' as SessionMode,
    language: 'fr',
    answers: { equipement: { type: 'choices', options: ['smartphone' as OptionId] } } as SessionRecord['answers'],
    path: ['bienvenue', 'equipement'] as QuestionId[],
    startedAt: at,
    updatedAt: at,
    status: 'in-progress',
    ...overrides,
  };
}

/** The same run, completed. */
export function completed(r: SessionRecord, minute = 30): SessionRecord {
  const at = `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;
  return { ...r, status: 'completed', updatedAt: at, completedAt: at };
}

/** A version-1 record, as the first app versions wrote them. */
export function recordV1(id: string, status = 'in-progress'): Record<string, unknown> {
  return {
    version: 1,
    id,
    questionnaireId: 'exemple',
    contentHash: 'hash-0',
    answers: { equipement: { type: 'choices', options: ['ordinateur'] } },
    path: ['bienvenue', 'equipement'],
    startedAt: NOW,
    updatedAt: NOW,
    status,
  };
}

/** Promise of a raw IndexedDB request. */
export function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Opens a raw connection, running `upgrade` if the version is new; the caller closes it. */
export function rawOpen(factory: IDBFactory, name: string, version?: number, upgrade?: (db: IDBDatabase, tx: IDBTransaction) => void): Promise<IDBDatabase> {
  const request = version === undefined ? factory.open(name) : factory.open(name, version);
  request.onupgradeneeded = () => {
    if (upgrade && request.transaction) upgrade(request.result, request.transaction);
  };
  return done(request);
}

/** Puts raw values in a store of an existing database, behind the app's back. */
export async function rawPut(factory: IDBFactory, name: string, store: string, values: unknown[]): Promise<void> {
  const db = await rawOpen(factory, name);
  const tx = db.transaction(store, 'readwrite');
  for (const value of values) tx.objectStore(store).put(value);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Every raw value of a store. */
export async function rawAll(factory: IDBFactory, name: string, store: string): Promise<unknown[]> {
  const db = await rawOpen(factory, name);
  const values = await done(db.transaction(store, 'readonly').objectStore(store).getAll());
  db.close();
  return values;
}

/** Makes every IndexedDB put and add fail as a full disk does, until restored. */
export function exhaustIndexedDbQuota(): () => void {
  const quota = (): never => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  const put = vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(quota);
  const add = vi.spyOn(FakeObjectStore.prototype, 'add').mockImplementation(quota);
  return () => {
    put.mockRestore();
    add.mockRestore();
  };
}
