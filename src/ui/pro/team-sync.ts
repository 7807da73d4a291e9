import type { OpenVault, Vault } from '../../storage/vault.ts';
import type { SyncReport, VaultSync } from '../../storage/vault-sync.ts';

// The team sync of an open vault (settings.json's syncUrl; docs/couchdb.md), shared by the space
// and its « Équipe » section: while the professional space is open, whatever section shows, the
// vault syncs at once, every minute and when the network comes back, once an account has been typed
// in « Équipe » (kept sealed in the vault, collection `device`). One sync at a time; « Équipe »
// shows the same runs and starts its own (« Synchroniser maintenant », joining the team). PouchDB
// comes with import() at the first run only: a device with no account never loads it.

export const ACCOUNT = { collection: 'device', id: 'sync' } as const;
export const STATUS = { collection: 'device', id: 'sync-status' } as const;
export const EVERY_MS = 60_000;

export interface Account {
  username: string;
  password: string;
}

export type CreateSync = (vault: OpenVault) => Promise<VaultSync>;

export const defaultSync: CreateSync = async (vault) => {
  const [{ Pouch }, { createVaultSync }] = await Promise.all([import('../../storage/pouch-browser.ts'), import('../../storage/vault-sync.ts')]);
  return createVaultSync({ Pouch, vault });
};

export interface TeamSyncState {
  busy: boolean;
  /** The last sync's report. */
  report?: SyncReport | undefined;
  /** When a sync last succeeded (kept in the vault). */
  lastOk?: number | undefined;
}

export interface TeamSync {
  readonly state: TeamSyncState;
  /** The engine (PouchDB and the mirror), created at the first call. */
  engine(): Promise<VaultSync>;
  /** Syncs with the account; a run on its way is joined rather than doubled (unless a passphrase is given). */
  run(account: Account, passphrase?: string): Promise<SyncReport>;
  subscribe(listener: (state: TeamSyncState) => void): () => void;
  close(): Promise<void>;
}

function createTeamSync(vault: OpenVault, url: string, create: CreateSync): TeamSync {
  let engine: Promise<VaultSync> | undefined;
  let running: Promise<SyncReport> | undefined;
  const listeners = new Set<(state: TeamSyncState) => void>();
  const team: TeamSync = {
    state: { busy: false },
    engine: () => (engine ??= create(vault)),
    run(account, passphrase) {
      if (running && passphrase === undefined) return running;
      const go = async (): Promise<SyncReport> => {
        if (running) await running.catch(() => undefined);
        set({ busy: true });
        try {
          const report = await (await team.engine()).sync({ url, ...account }, passphrase);
          if (report.ok) await vault.put(STATUS.collection, STATUS.id, { lastOk: report.at });
          set({ report, ...(report.ok ? { lastOk: report.at } : {}) });
          if (report.ok && report.received > 0) for (const listener of received.get(vault) ?? []) listener();
          return report;
        } finally {
          set({ busy: false });
        }
      };
      const current = go();
      running = current;
      void current.finally(() => {
        if (running === current) running = undefined;
      }).catch(() => undefined);
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      const closing = engine;
      engine = undefined;
      await closing?.then((s) => s.close()).catch(() => undefined);
    },
  };
  function set(next: Partial<TeamSyncState>) {
    (team as { state: TeamSyncState }).state = { ...team.state, ...next };
    for (const listener of listeners) listener(team.state);
  }
  return team;
}

const shared = new WeakMap<OpenVault, TeamSync>();
const received = new WeakMap<Vault, Set<() => void>>();

/**
 * Calls `listener` after each sync of this vault that received entries from the server (a
 * colleague's records), whether the team sync runs yet or not; returns what stops it. A section
 * that lists what the vault holds reads it again.
 */
export function onReceived(vault: Vault, listener: () => void): () => void {
  let listeners = received.get(vault);
  if (!listeners) received.set(vault, (listeners = new Set()));
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The team sync of this open vault (one per vault). */
export function teamSyncOf(vault: OpenVault, url: string, create: CreateSync = defaultSync): TeamSync {
  let team = shared.get(vault);
  if (!team) {
    team = createTeamSync(vault, url, create);
    shared.set(vault, team);
  }
  return team;
}

/**
 * Keeps the vault in sync while the space is open: at once, every EVERY_MS and when the network
 * comes back, as long as an account is stored. Returns what stops it (the space locks or is left).
 */
export function keepSyncing(vault: OpenVault, url: string, create: CreateSync = defaultSync, every = EVERY_MS): () => void {
  let stopped = false;
  const team = teamSyncOf(vault, url, create);
  const again = () =>
    void (async () => {
      const account = stopped ? undefined : await vault.get<Account>(ACCOUNT.collection, ACCOUNT.id);
      if (account && !stopped) await team.run(account);
    })().catch(() => undefined);
  again();
  const timer = setInterval(again, every);
  window.addEventListener('online', again);
  return () => {
    stopped = true;
    clearInterval(timer);
    window.removeEventListener('online', again);
    shared.delete(vault);
    void team.close();
  };
}
