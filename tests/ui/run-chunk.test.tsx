// The run (XState, the question screens) comes with import() after the start screen shows. When it
// cannot be fetched (offline before the service worker ever cached it), "Commencer" ends on the
// failed-load screen with "Réessayer", never on a dead button.
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { renderKiosk } from './kiosk-harness.tsx';

vi.mock('../../src/ui/run.tsx', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

afterEach(cleanup);

it('says the questionnaire could not be loaded, and offers to try again before erasing, when the run cannot be fetched', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await renderKiosk();
  fireEvent.click(screen.getByRole('button', { name: /Commencer/ }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Le questionnaire est introuvable' })).toBeTruthy();
  const buttons = screen.getAllByRole('button').map((b) => b.textContent);
  expect(buttons.filter((b) => b === 'Réessayer' || b === 'Effacer mes réponses et recommencer')).toEqual(['Réessayer', 'Effacer mes réponses et recommencer']);
});
