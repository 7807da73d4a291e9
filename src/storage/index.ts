// Storage's public surface: the app opens storage once with openStorage() and talks to the
// SessionStore it gets; nothing else in the app touches IndexedDB.
export { openStorage, type OpenStorageOptions, type OpenedStorage } from './open-storage.ts';
export { openIndexedDbStore, StorageOpenError, type IndexedDbStoreOptions } from './indexeddb-store.ts';
export { DB_NAME, DB_VERSION } from './schema.ts';
export {
  STORAGE_CODES,
  type FallbackCode,
  type NoticeListener,
  type QuarantineEntry,
  type RecordFilter,
  type RecordStoreName,
  type SessionStore,
  type SettingValue,
  type StorageCode,
  type StorageNotice,
  type WriteFailureCode,
  type WriteResult,
} from './session-store.ts';
// The professional vault (vault.ts) is imported from its own module, by the pro space only, so the
// kiosk's storage chunk does not carry it.
