// Setup of the `ui` test project (jsdom), run before each test file after tests/setup/each-file.ts.
// Preact runs effects after the next frame: a requestAnimationFrame, raced by a 35 ms timer. A test
// file that ends with such a timer pending saw it fire after jsdom was gone ("cancelAnimationFrame
// is not defined", an unhandled error that fails the run on a busy machine). Unmount what is left
// and let those timers run while the window exists. The window is then the next file's (the
// project runs with `isolate: false`): what a file left in it is put back as a fresh page has it.
import { cleanup, configure } from '@testing-library/preact';
import { afterAll } from 'vitest';

// findBy… and waitFor wait for what a person would see; on two shared cores a lazily imported
// screen (the run, the result, the professional space) can take seconds to arrive. A ceiling, not a
// measure: speed is the bench's.
configure({ asyncUtilTimeout: 10_000 });

afterAll(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 100));
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  document.head.replaceChildren();
  document.body.replaceChildren();
  for (const { name } of [...document.documentElement.attributes]) document.documentElement.removeAttribute(name);
});
