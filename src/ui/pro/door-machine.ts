import { assign, fromPromise, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import { setup } from '../../core/machine-setup.ts';
import type { PassphraseProblem } from '../../core/passphrase.ts';
import type { EraseResult, OpenVault, SetUpResult, UnlockResult, VaultDoor } from '../../storage/vault.ts';
import { FLUSH_TIMEOUT_MS } from './flushes.ts';

// The professional space's door, as one XState machine (no Preact here: pro-space.tsx is a view
// over it and keeps no lifecycle state of its own).
//
//   opening ─► no-crypto | unset ─► setting-up ─► open
//              locked ─► unlocking ─► open ─(idle | « Verrouiller »)─► closing ─► locked
//                                       └──────(« Quitter »)─────────► leaving ─► left
//
// - locked is parallel: `notice` says why it is locked (fresh, idle, manual), `retry` holds the
//   back-off after a wrong passphrase as a delayed transition (waiting ─after retryDelay─► ready).
//   The vault counts the tries itself (atomically, across tabs); the machine only shows the wait.
// - open locks itself after `idleMs` without `door.activity` (a delayed transition restarted by
//   every activity event).
// - closing and leaving wait for the open section's saves (`flush`), at most FLUSH_TIMEOUT_MS (a
//   delayed transition), then the key is forgotten.
// - erasing (with the passphrase) and resetting (the deliberate reset for a forgotten passphrase)
//   lead to unset, whose `erased` child says so.

export interface DoorInput {
  openDoor: () => Promise<VaultDoor>;
  /** Whether the page has WebCrypto (https or localhost). */
  hasCrypto: () => boolean;
  /** Minutes of inactivity before the space locks itself, in milliseconds. */
  idleMs: number;
  /** Waits for the open section's pending saves (registerFlush); bounded by the machine. */
  flush: () => Promise<unknown>;
  flushTimeoutMs?: number;
}

/** What the door said no to, in words the view turns into a sentence. */
export type DoorProblem =
  | { kind: 'wrong' | 'wait'; retryInMs: number; at: 'unlock' | 'erase' }
  | { kind: 'weak'; problem: PassphraseProblem }
  | { kind: 'failed'; at: 'open' | 'setup' | 'unlock' | 'erase' | 'reset' };

export interface DoorContext {
  input: DoorInput;
  door: VaultDoor | undefined;
  vault: OpenVault | undefined;
  problem: DoorProblem | undefined;
  /** When the current wait ends (ms since 1970), for the countdown the view shows. */
  retryUntil: number;
}

export type DoorEvent =
  | { type: 'door.setUp'; passphrase: string }
  | { type: 'door.unlock'; passphrase: string }
  | { type: 'door.erase'; passphrase: string }
  | { type: 'door.reset' }
  | { type: 'door.lock' }
  | { type: 'door.leave' }
  | { type: 'door.activity' };

type OpenedDoor = { door: VaultDoor; state: 'unset' | 'locked'; retryInMs: number };

const forgetKey = ({ context }: { context: DoorContext }) => context.vault?.lock();

/** What a refused unlock or erase leaves in the context: the problem, and when the wait ends. */
function refused(out: UnlockResult | EraseResult, at: 'unlock' | 'erase'): Partial<DoorContext> {
  if (!out.ok && (out.reason === 'wrong' || out.reason === 'wait')) return { problem: { kind: out.reason, retryInMs: out.retryInMs, at }, retryUntil: Date.now() + out.retryInMs };
  return { problem: { kind: 'failed', at } };
}

/** Waits for the open section's saves, at most flushTimeout, then goes on to `target` (the key is forgotten there). */
function closing(target: string) {
  return {
    invoke: { src: 'flush' as const, input: ({ context }: { context: DoorContext }) => ({ flush: context.input.flush }), onDone: target, onError: target },
    after: { flushTimeout: target },
  };
}

export const doorMachine = setup({
  types: {
    input: {} as DoorInput,
    context: {} as DoorContext,
    events: {} as DoorEvent,
  },
  actors: {
    openDoor: fromPromise<OpenedDoor, { input: DoorInput }>(async ({ input }) => {
      const door = await input.input.openDoor();
      const [state, retryInMs] = await Promise.all([door.state(), door.retryIn()]);
      return { door, state, retryInMs };
    }),
    setUp: fromPromise<SetUpResult, { door: VaultDoor; passphrase: string }>(({ input }) => input.door.setUp(input.passphrase)),
    unlock: fromPromise<UnlockResult, { door: VaultDoor; passphrase: string }>(({ input }) => input.door.unlock(input.passphrase)),
    erase: fromPromise<EraseResult, { door: VaultDoor; passphrase: string }>(({ input }) => input.door.erase(input.passphrase)),
    reset: fromPromise<boolean, { door: VaultDoor }>(async ({ input }) => (await input.door.wipe()).ok),
    flush: fromPromise<unknown, { flush: () => Promise<unknown> }>(({ input }) => input.flush()),
  },
  delays: {
    idle: ({ context }) => context.input.idleMs,
    flushTimeout: ({ context }) => context.input.flushTimeoutMs ?? FLUSH_TIMEOUT_MS,
    retryDelay: ({ context }) => Math.max(0, context.retryUntil - Date.now()),
  },
  guards: {
    noCrypto: ({ context }) => !context.input.hasCrypto(),
    mustWait: ({ context }) => context.retryUntil > Date.now(),
  },
  actions: {
    forgetKey,
    clearProblem: assign({ problem: undefined }),
  },
}).createMachine({
  id: 'door',
  context: ({ input }) => ({ input, door: undefined, vault: undefined, problem: undefined, retryUntil: 0 }),
  initial: 'opening',
  states: {
    opening: {
      always: { guard: 'noCrypto', target: 'noCrypto' },
      invoke: {
        src: 'openDoor',
        input: ({ context }) => ({ input: context.input }),
        onDone: [
          { guard: ({ event }) => event.output.state === 'unset', target: 'unset', actions: assign({ door: ({ event }) => event.output.door }) },
          { target: 'locked', actions: assign({ door: ({ event }) => event.output.door, retryUntil: ({ event }) => Date.now() + event.output.retryInMs }) },
        ],
        onError: { target: 'failed' },
      },
    },
    noCrypto: { on: { 'door.leave': 'left' } },
    failed: { on: { 'door.leave': 'left' } },
    unset: {
      entry: 'forgetKey',
      initial: 'fresh',
      states: { fresh: {}, erased: {} },
      on: { 'door.setUp': 'settingUp', 'door.leave': 'left' },
    },
    settingUp: {
      entry: 'clearProblem',
      invoke: {
        src: 'setUp',
        input: ({ context, event }) => ({ door: context.door as VaultDoor, passphrase: (event as { passphrase: string }).passphrase }),
        onDone: [
          { guard: ({ event }) => event.output.ok, target: 'open', actions: assign({ vault: ({ event }) => (event.output.ok ? event.output.vault : undefined) }) },
          {
            target: 'unset',
            actions: assign({
              problem: ({ event }): DoorProblem => (!event.output.ok && event.output.reason === 'weak' ? { kind: 'weak', problem: event.output.problem } : { kind: 'failed', at: 'setup' }),
            }),
          },
        ],
        onError: { target: 'unset', actions: assign({ problem: { kind: 'failed', at: 'setup' } }) },
      },
    },
    locked: {
      entry: 'forgetKey',
      type: 'parallel',
      on: { 'door.reset': '#door.resetting', 'door.leave': 'left' },
      states: {
        notice: {
          initial: 'fresh',
          states: { fresh: {}, idle: {}, manual: {} },
        },
        retry: {
          initial: 'checking',
          states: {
            checking: { always: [{ guard: 'mustWait', target: 'waiting' }, { target: 'ready' }] },
            ready: {},
            // The vault decides (a try sent now is answered « wait »); the delay only ends the countdown.
            waiting: { after: { retryDelay: { target: 'ready', actions: 'clearProblem' } } },
          },
          on: { 'door.unlock': '#door.unlocking', 'door.erase': '#door.erasing' },
        },
      },
    },
    unlocking: {
      entry: 'clearProblem',
      invoke: {
        src: 'unlock',
        input: ({ context, event }) => ({ door: context.door as VaultDoor, passphrase: (event as { passphrase: string }).passphrase }),
        onDone: [
          { guard: ({ event }) => event.output.ok, target: 'open', actions: assign({ vault: ({ event }) => (event.output.ok ? event.output.vault : undefined) }) },
          { guard: ({ event }) => !event.output.ok && event.output.reason === 'unset', target: 'unset' },
          { target: 'locked', actions: assign(({ event }) => refused(event.output, 'unlock')) },
        ],
        onError: { target: 'locked', actions: assign({ problem: { kind: 'failed', at: 'unlock' } }) },
      },
    },
    erasing: {
      entry: 'clearProblem',
      invoke: {
        src: 'erase',
        input: ({ context, event }) => ({ door: context.door as VaultDoor, passphrase: (event as { passphrase: string }).passphrase }),
        onDone: [
          { guard: ({ event }) => event.output.ok || event.output.reason === 'unset', target: 'unset.erased' },
          { target: 'locked', actions: assign(({ event }) => refused(event.output, 'erase')) },
        ],
        onError: { target: 'locked', actions: assign({ problem: { kind: 'failed', at: 'erase' } }) },
      },
    },
    resetting: {
      entry: 'clearProblem',
      invoke: {
        src: 'reset',
        input: ({ context }) => ({ door: context.door as VaultDoor }),
        onDone: [
          { guard: ({ event }) => event.output, target: 'unset.erased' },
          { target: 'locked', actions: assign({ problem: { kind: 'failed', at: 'reset' } }) },
        ],
        onError: { target: 'locked', actions: assign({ problem: { kind: 'failed', at: 'reset' } }) },
      },
    },
    open: {
      entry: 'clearProblem',
      initial: 'active',
      states: {
        // Re-entered on every activity (which restarts the delay), without touching the context:
        // the view is not drawn again for each key press.
        active: {
          after: { idle: '#door.closing.idle' },
          on: { 'door.activity': { target: 'active', reenter: true } },
        },
      },
      on: {
        'door.lock': 'closing.manual',
        'door.leave': 'leaving',
      },
    },
    closing: {
      initial: 'manual',
      states: { manual: closing('#door.locked.notice.manual'), idle: closing('#door.locked.notice.idle') },
    },
    leaving: closing('#door.left'),
    left: { entry: 'forgetKey', type: 'final' },
  },
});

export type DoorActor = ActorRefFrom<typeof doorMachine>;
export type DoorSnapshot = SnapshotFrom<typeof doorMachine>;
