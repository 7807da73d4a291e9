// « Aller au contenu » takes the focus to the screen's heading without touching the URL's fragment.
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SkipLink } from '../../src/ui/skip-link.tsx';

describe('SkipLink', () => {
  it('moves the focus to the heading of the main region and leaves the route alone', () => {
    window.history.replaceState(null, '', '/#/pro');
    render(
      <>
        <SkipLink />
        <main id="main">
          <h1>Où en êtes-vous avec le numérique ?</h1>
        </main>
      </>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Aller au contenu' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    expect(window.location.hash).toBe('#/pro');
  });
});
