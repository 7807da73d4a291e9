// A rough hint of a passphrase's strength while it is typed, to steer towards a few words rather
// than a short tangle. Not a measure of entropy: it only tells "too short", "could be longer", "good".

export type Strength = 'weak' | 'fair' | 'good';

export function passphraseStrength(passphrase: string): Strength {
  const length = [...passphrase].length;
  const words = passphrase.trim().split(/\s+/).filter((w) => w.length >= 2).length;
  const kinds = [/[a-zà-ÿ]/, /[A-ZÀ-Ý]/, /\d/, /[^\p{L}\d\s]/u].filter((r) => r.test(passphrase)).length;
  if (length < 12 || (kinds < 2 && words < 3)) return 'weak';
  if (length >= 20 && (words >= 4 || kinds >= 3)) return 'good';
  if (length >= 16 && words >= 3) return 'good';
  return 'fair';
}
