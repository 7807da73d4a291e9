// The professional door as a machine, without Preact: opening, set-up, the wrong passphrase and its
// back-off (a delayed transition), the idle lock, saves awaited (bounded) before the key is
// forgotten, leaving, erasing with the passphrase, the deliberate reset.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createMemoryVaultBackend, createVaultDoor, type VaultBackend } from '../../src/storage/vault.ts';
import { doorMachine, type DoorInput } from '../../src/ui/pro/door-machine.ts';

const PASS = 'une phrase assez longue';
const IDLE = 120_000;

function start(backend: VaultBackend, options: Partial<DoorInput> = {}) {
  const actor = createActor(doorMachine, {
    input: { openDoor: async () => createVaultDoor({ backend, iterations: 1000 }), hasCrypto: () => true, idleMs: IDLE, flush: async () => undefined, ...options },
  });
  actor.start();
  return actor;
}

async function lockedDoor(): Promise<VaultBackend> {
  const backend = createMemoryVaultBackend();
  const set = await createVaultDoor({ backend, iterations: 1000 }).setUp(PASS);
  if (!set.ok) throw new Error('set-up failed');
  await set.vault.put('records', 'a', { note: 'bonjour' });
  return backend;
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('the door machine', () => {
  it('opens on unset for a new device, on locked once a passphrase exists, and says so without WebCrypto', async () => {
    const fresh = start(createMemoryVaultBackend());
    await waitFor(fresh, (s) => !s.matches('opening'));
    expect(fresh.getSnapshot().value).toEqual({ unset: 'fresh' });
    const locked = start(await lockedDoor());
    await waitFor(locked, (s) => !s.matches('opening'));
    expect(locked.getSnapshot().value).toEqual({ locked: { notice: 'fresh', retry: 'ready' } });
    const none = start(createMemoryVaultBackend(), { hasCrypto: () => false });
    expect(none.getSnapshot().value).toBe('noCrypto');
  });

  it('refuses a weak passphrase at set-up, with its reason, and opens with a good one', async () => {
    const actor = start(createMemoryVaultBackend());
    await waitFor(actor, (s) => s.matches('unset'));
    actor.send({ type: 'door.setUp', passphrase: '1234567890' });
    await waitFor(actor, (s) => s.matches('unset'));
    expect(actor.getSnapshot().context.problem).toEqual({ kind: 'weak', problem: 'sequence' });
    actor.send({ type: 'door.setUp', passphrase: PASS });
    await waitFor(actor, (s) => s.matches('open'));
    expect(actor.getSnapshot().context.problem).toBeUndefined();
  });

  it('waits after a wrong passphrase, as a delayed transition, then lets the next try through', async () => {
    const actor = start(await lockedDoor());
    await waitFor(actor, (s) => s.matches('locked'));
    actor.send({ type: 'door.unlock', passphrase: 'pas la bonne phrase' });
    await waitFor(actor, (s) => s.matches({ locked: { retry: 'waiting' } }));
    expect(actor.getSnapshot().context.problem).toEqual({ kind: 'wrong', retryInMs: 1000, at: 'unlock' });
    await vi.advanceTimersByTimeAsync(999);
    expect(actor.getSnapshot().matches({ locked: { retry: 'waiting' } })).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(actor.getSnapshot().matches({ locked: { retry: 'ready' } })).toBe(true);
    expect(actor.getSnapshot().context.problem).toBeUndefined();
    actor.send({ type: 'door.unlock', passphrase: PASS });
    await waitFor(actor, (s) => s.matches('open'));
    expect(await actor.getSnapshot().context.vault?.get('records', 'a')).toEqual({ note: 'bonjour' });
  });

  it('locks itself after the idle delay, restarted by every activity, and forgets the key', async () => {
    const actor = start(await lockedDoor());
    await waitFor(actor, (s) => s.matches('locked'));
    actor.send({ type: 'door.unlock', passphrase: PASS });
    await waitFor(actor, (s) => s.matches('open'));
    const vault = actor.getSnapshot().context.vault;
    await vi.advanceTimersByTimeAsync(IDLE - 1000);
    actor.send({ type: 'door.activity' });
    await vi.advanceTimersByTimeAsync(IDLE - 1000);
    expect(actor.getSnapshot().matches('open')).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(actor.getSnapshot().value).toEqual({ locked: { notice: 'idle', retry: 'ready' } });
    expect(vault?.locked).toBe(true);
  });

  it('waits for the open section saves before locking, at most about 3 s', async () => {
    let release: () => void = () => undefined;
    let saved = false;
    const flush = vi.fn(() => new Promise<void>((resolve) => (release = () => ((saved = true), resolve()))));
    const actor = start(await lockedDoor(), { flush });
    await waitFor(actor, (s) => s.matches('locked'));
    actor.send({ type: 'door.unlock', passphrase: PASS });
    await waitFor(actor, (s) => s.matches('open'));
    const vault = actor.getSnapshot().context.vault;
    actor.send({ type: 'door.lock' });
    expect(actor.getSnapshot().value).toEqual({ closing: 'manual' });
    expect(vault?.locked).toBe(false);
    release();
    await settle();
    expect(saved).toBe(true);
    expect(actor.getSnapshot().value).toEqual({ locked: { notice: 'manual', retry: 'ready' } });
    expect(vault?.locked).toBe(true);
    // A save that never answers: locked anyway after 3 s.
    flush.mockImplementation(() => new Promise<void>(() => undefined));
    actor.send({ type: 'door.unlock', passphrase: PASS });
    await waitFor(actor, (s) => s.matches('open'));
    actor.send({ type: 'door.lock' });
    await vi.advanceTimersByTimeAsync(2999);
    expect(actor.getSnapshot().matches('closing')).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(actor.getSnapshot().matches({ locked: { notice: 'manual' } })).toBe(true);
  });

  it('leaves after the saves, the key forgotten', async () => {
    const flush = vi.fn(async () => undefined);
    const actor = start(await lockedDoor(), { flush });
    await waitFor(actor, (s) => s.matches('locked'));
    actor.send({ type: 'door.unlock', passphrase: PASS });
    await waitFor(actor, (s) => s.matches('open'));
    const vault = actor.getSnapshot().context.vault;
    actor.send({ type: 'door.leave' });
    await waitFor(actor, (s) => s.status === 'done');
    expect(flush).toHaveBeenCalledOnce();
    expect(vault?.locked).toBe(true);
  });

  it('erases with the passphrase only; the deliberate reset erases without it', async () => {
    const backend = await lockedDoor();
    const actor = start(backend);
    await waitFor(actor, (s) => s.matches('locked'));
    actor.send({ type: 'door.erase', passphrase: 'pas la bonne phrase' });
    await waitFor(actor, (s) => s.matches({ locked: { retry: 'waiting' } }));
    expect(actor.getSnapshot().context.problem).toEqual({ kind: 'wrong', retryInMs: 1000, at: 'erase' });
    expect((backend as ReturnType<typeof createMemoryVaultBackend>).entries.size).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    actor.send({ type: 'door.erase', passphrase: PASS });
    await waitFor(actor, (s) => s.matches('unset'));
    expect(actor.getSnapshot().value).toEqual({ unset: 'erased' });
    expect((backend as ReturnType<typeof createMemoryVaultBackend>).entries.size).toBe(0);

    const other = await lockedDoor();
    const again = start(other);
    await waitFor(again, (s) => s.matches('locked'));
    again.send({ type: 'door.reset' });
    await waitFor(again, (s) => s.matches('unset'));
    expect((other as ReturnType<typeof createMemoryVaultBackend>).entries.size).toBe(0);
  });
});
