import type { SettingValue } from '../../storage/index.ts';

// What the workshop, places and observatory sections keep in clear, in the settings store of
// src/storage: the catalogue, the places (neither is about a person: the kiosk result reads the
// places) and the kiosk tallies. Personal data (the roster: learner codes) goes in the vault.

export interface LocalData {
  get(key: string): Promise<unknown>;
  /** False when the write failed (full disk, storage unavailable…). */
  set(key: string, value: unknown): Promise<boolean>;
}

let shared: Promise<LocalData> | undefined;

/** The device's settings store, opened once (storage is loaded with import() when first needed). */
export function openLocalData(): Promise<LocalData> {
  shared ??= (async () => {
    const { openStorage } = await import('../../storage/index.ts');
    const { store } = await openStorage();
    return {
      get: (key) => store.getSetting(key),
      set: async (key, value) => (await store.setSetting(key, value as SettingValue)).ok,
    };
  })();
  return shared;
}

/** An in-memory twin, for tests. */
export function memoryLocalData(initial: Record<string, unknown> = {}): LocalData & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    get: async (key) => structuredClone(data[key]),
    set: async (key, value) => {
      data[key] = structuredClone(value);
      return true;
    },
  };
}
