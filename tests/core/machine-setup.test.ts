import { assign, createActor, fromPromise, setup as xstateSetup } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { setup } from '../../src/core/machine-setup.ts';

// The same machine built with xstate's setup() and with the app's: named actions with params, guards,
// delays and an invoked actor behave alike, and the lean one hands back only createMachine.
function build(make: typeof xstateSetup) {
  return make({
    types: { context: {} as { count: number; log: string[] }, events: {} as { type: 'add'; by: number } | { type: 'go' } },
    actors: { double: fromPromise(async ({ input }: { input: number }) => input * 2) },
    delays: { soon: 10 },
    guards: { small: ({ context }, params: { below: number }) => context.count < params.below },
    actions: { note: assign(({ context }, params: { text: string }) => ({ log: [...context.log, params.text] })) },
  }).createMachine({
    context: { count: 0, log: [] },
    initial: 'counting',
    states: {
      counting: {
        on: {
          add: [
            { guard: { type: 'small', params: { below: 3 } }, actions: [assign({ count: ({ context, event }) => context.count + event.by }), { type: 'note', params: { text: 'added' } }] },
            { actions: { type: 'note', params: { text: 'refused' } } },
          ],
          go: 'doubling',
        },
      },
      doubling: {
        invoke: { src: 'double', input: ({ context }) => context.count, onDone: { target: 'waiting', actions: assign({ count: ({ event }) => event.output }) } },
      },
      waiting: { after: { soon: 'done' } },
      done: { type: 'final' },
    },
  });
}

async function walk(make: typeof xstateSetup) {
  const actor = createActor(build(make)).start();
  actor.send({ type: 'add', by: 2 });
  actor.send({ type: 'add', by: 5 });
  actor.send({ type: 'add', by: 1 });
  actor.send({ type: 'go' });
  await vi.waitFor(() => expect(actor.getSnapshot().status).toBe('done'), { timeout: 1000, interval: 5 });
  return actor.getSnapshot().context;
}

describe('the lean setup', () => {
  it('builds a machine that behaves as xstate’s setup builds it', async () => {
    const lean = await walk(setup);
    expect(lean).toEqual({ count: 14, log: ['added', 'added', 'refused'] });
    expect(lean).toEqual(await walk(xstateSetup));
  });

  it('hands back only createMachine (the action creators it would carry stay out of the bundle)', () => {
    expect(Object.keys(setup({ actions: { nothing: () => undefined } }))).toEqual(['createMachine']);
  });
});
