// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpenVault } from '../../src/storage/vault.ts';
import type { SyncReport, SyncServer, VaultSync } from '../../src/storage/vault-sync.ts';
import { keepSyncing, teamSyncOf } from '../../src/ui/pro/team-sync.ts';

// The team sync while the professional space is open, whatever section shows: against an engine
// that records its syncs (the real one is tested in tests/storage/vault-sync.test.ts and the e2e).

const URL_ = 'https://couchdb.example.org/equipe-ccas';

function vaultWith(entries: Record<string, unknown>): OpenVault {
  const data = new Map(Object.entries(entries));
  return {
    get: async (c: string, id: string) => structuredClone(data.get(`${c}/${id}`)),
    put: async (c: string, id: string, value: unknown) => (data.set(`${c}/${id}`, value), { ok: true }),
  } as unknown as OpenVault;
}

function engine(answer: (n: number) => Partial<SyncReport> = () => ({})) {
  const syncs: SyncServer[] = [];
  let closed = 0;
  let created = 0;
  const release: (() => void)[] = [];
  let held = true;
  const create = async (): Promise<VaultSync> => {
    created++;
    return {
      sync: async (server: SyncServer) => {
        syncs.push(server);
        if (held) await new Promise<void>((resolve) => release.push(resolve));
        return { ok: true, sent: 0, received: 0, pending: 0, conflicts: [], at: 1_000 + syncs.length, ...answer(syncs.length) };
      },
      close: async () => void closed++,
    } as unknown as VaultSync;
  };
  return {
    create,
    syncs,
    /** Lets every sync on its way (and every later one) end at once. */
    open: () => {
      held = false;
      for (const r of release.splice(0)) r();
    },
    get closed() {
      return closed;
    },
    get created() {
      return created;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the team sync while the space is open', () => {
  it('never loads the engine on a device where no account was typed', async () => {
    vi.useFakeTimers();
    const e = engine();
    const stop = keepSyncing(vaultWith({}), URL_, e.create, 60_000);
    await vi.advanceTimersByTimeAsync(180_000);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    stop();
    expect(e.created).toBe(0);
  });

  it('syncs at once, every minute and when the network returns, one sync at a time, until the space closes', async () => {
    vi.useFakeTimers();
    const e = engine();
    e.open();
    const vault = vaultWith({ 'device/sync': { username: 'ccas-montreuil', password: 'secret' } });
    const stop = keepSyncing(vault, URL_, e.create, 60_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(e.syncs).toEqual([{ url: URL_, username: 'ccas-montreuil', password: 'secret' }]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(e.syncs).toHaveLength(2);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(e.syncs).toHaveLength(3);
    // The last success is kept in the vault, for « Équipe » to show.
    expect(await vault.get('device', 'sync-status')).toEqual({ lastOk: 1_003 });
    stop();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(e.closed).toBe(1);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(e.syncs).toHaveLength(3);
  });

  it('joins a sync on its way rather than starting a second, and tells its listeners', async () => {
    const e = engine((n) => (n === 1 ? { ok: false, problem: 'offline' } : {}));
    const vault = vaultWith({});
    const team = teamSyncOf(vault, URL_, e.create);
    const seen: boolean[] = [];
    team.subscribe((s) => seen.push(s.busy));
    const account = { username: 'a', password: 'b' };
    const first = team.run(account);
    const second = team.run(account);
    await vi.waitFor(() => expect(e.syncs).toHaveLength(1));
    e.open();
    expect(await first).toBe(await second);
    expect((await first).problem).toBe('offline');
    expect(team.state).toMatchObject({ busy: false, report: { ok: false, problem: 'offline' } });
    expect(team.state.lastOk).toBeUndefined();
    expect(seen[0]).toBe(true);
    expect(seen.at(-1)).toBe(false);
    // Nothing noted as a success when it failed.
    expect(await vault.get('device', 'sync-status')).toBeUndefined();
  });
});
