import { describe, expect, it } from 'vitest';
import { passphraseProblem } from '../../src/core/passphrase.ts';

describe('passphraseProblem', () => {
  it.each([
    ['court', 'too-short'],
    ['abcdefghi', 'too-short'],
    ['aaaaaaaaaaaa', 'repeated'],
    ['abababababab', 'repeated'],
    ['123123123123', 'repeated'],
    ['1234567890', 'sequence'],
    ['0987654321', 'sequence'],
    ['azertyuiop', 'sequence'],
    ['qwerty123456', 'sequence'],
    ['abcdefghijkl', 'sequence'],
    ['motdepasse123', 'common'],
    ['Motdepasse2024!', 'common'],
    ['MOT DE PASSE !!', 'common'],
    ['password1234', 'common'],
    ['soleil soleil', 'repeated'],
    ['jetaime marseille', 'common'],
  ])('refuses « %s » (%s)', (passphrase, problem) => {
    expect(passphraseProblem(passphrase)).toBe(problem);
  });

  it.each(['le chat dort sous la table', 'une phrase assez longue', 'cheval correct agrafe', 'Tarte aux pommes 1987', 'épinards à la crème'])('accepts « %s »', (passphrase) => {
    expect(passphraseProblem(passphrase)).toBeUndefined();
  });
});
