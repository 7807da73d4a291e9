// While the start screen waits, the kiosk draws its first question ahead, unseen (app-machine.ts's
// run made ahead, app.tsx's run frame): « Commencer » then only has to show it. Drawn ahead, it is
// out of the accessibility tree, takes no key and leaves the page's title alone; shown, it is the
// question 1 of a run that starts then, with the focus on its heading.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { renderKiosk } from './kiosk-harness.tsx';

afterEach(cleanup);

const FIRST = 'Bienvenue. Quelques questions pour connaître vos habitudes avec le numérique.';

it('draws question 1 unseen behind the start screen, deaf to keys, and « Commencer » shows that question with the focus on it', async () => {
  await renderKiosk();
  const title = document.title;
  fireEvent.pointerDown(document.body); // someone is there: the run is made ahead now
  await waitFor(() => expect(screen.getByText(FIRST)).toBeTruthy());
  // Drawn, but not for anyone yet: no heading of it reachable, no title of it, no key reaches it.
  expect(screen.queryByRole('heading', { name: /Bienvenue/ })).toBeNull();
  expect(screen.getByRole('heading', { level: 1 }).textContent).not.toContain(FIRST);
  expect(document.title).toBe(title);
  fireEvent.keyDown(document.body, { key: 'Enter' });
  fireEvent.keyDown(document.body, { key: 'Enter' });
  fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
  const heading = await screen.findByRole('heading', { level: 1, name: /Étape 1 .*Bienvenue/ });
  expect(document.activeElement).toBe(heading);
  expect(document.title).not.toBe(title);
  expect(screen.queryByRole('button', { name: /Commencer/ })).toBeNull();
  // The very first question, answered from here on.
  fireEvent.keyDown(heading, { key: 'Enter' });
  expect(await screen.findByRole('heading', { level: 1, name: /Quels appareils avez-vous/ })).toBeTruthy();
});
