// Addresses, numbers and French names inside translated text.
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Breakable, textRuns } from '../../src/ui/rich-text.tsx';

describe('textRuns', () => {
  it('isolates web addresses, phone numbers and French names kept in a translation, not a lone digit', () => {
    const runs = textRuns('Call France Services on 01 70 77 23 72 or see www.cybermalveillance.gouv.fr (3 steps).', ['France Services', 'CAF']);
    expect(runs.filter((r) => r.kind !== 'plain')).toEqual([
      { kind: 'french', text: 'France Services' },
      { kind: 'number', text: '01 70 77 23 72' },
      { kind: 'address', text: 'www.cybermalveillance.gouv.fr' },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe('Call France Services on 01 70 77 23 72 or see www.cybermalveillance.gouv.fr (3 steps).');
  });

  it('lets an address wrap after its dots only', () => {
    const { container } = render(<Breakable text="Cybermalveillance.gouv.fr" />);
    expect(container.innerHTML).toBe('Cybermalveillance.<wbr>gouv.<wbr>fr');
  });
});
