import { createMachine, type setup as xstateSetup } from 'xstate';

/**
 * XState's `setup`, typed as XState's own, giving only `createMachine`. XState's returns every
 * action creator too (sendTo, log, emit, enqueueActions…), which no bundler can drop from a returned
 * object: 2.4 KB of code the app never calls, in the start screen's chunk (about 0.8 KB gzipped).
 * Machines built here take their actions from xstate's own imports (assign, raise): the object's
 * other members, which the type still lists, are not there.
 */
export const setup = ((implementations: Parameters<typeof xstateSetup>[0]) => ({
  createMachine: (config: object) => createMachine({ ...config, schemas: implementations.schemas } as never, implementations as never),
})) as unknown as typeof xstateSetup;
