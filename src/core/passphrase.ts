// Which passphrases the professional vault refuses, and why, in a word the screen turns into a
// plain sentence. Not a measure of entropy: it stops the guesses an attacker tries first (a short
// text, one character repeated, a keyboard or number sequence, a common word dressed up with digits)
// and lets through a few words that go together, which is what the set-up screen asks for.

/** The shortest passphrase the vault accepts. */
export const PASSPHRASE_MIN_LENGTH = 10;

export type PassphraseProblem = 'too-short' | 'repeated' | 'sequence' | 'common';

/** Runs of these (either way) are what people type when asked for something long. */
const SEQUENCES = ['0123456789', '1234567890', 'abcdefghijklmnopqrstuvwxyz', 'azertyuiop', 'qsdfghjklm', 'wxcvbn', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'yxcvbnm'];

/** Words and passwords every cracking list starts with (French and English), and this app's names. */
const COMMON = [
  'motdepasse', 'phrasedepasse', 'password', 'passphrase', 'passe', 'secret', 'admin', 'administrateur', 'utilisateur', 'user', 'login',
  'bonjour', 'bonsoir', 'salut', 'soleil', 'jetaime', 'iloveyou', 'doudou', 'loulou', 'chouchou', 'coucou', 'princesse', 'marseille', 'paris',
  'football', 'liverpool', 'dragon', 'monkey', 'master', 'welcome', 'letmein', 'sunshine', 'qwerty', 'azerty', 'reperes', 'ccas', 'epn',
  'franceservices', 'espacepro', 'professionnel', 'bienvenue', 'changeme', 'default', 'test', 'toto', 'titi', 'tata', 'abc',
];

/** The passphrase as compared: lower case, without accents, spaces, punctuation or separators. */
function compact(passphrase: string): string {
  return passphrase
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The text left once every run of 3 or more characters of a known sequence (either way) is taken out. */
function withoutSequences(text: string): string {
  const inSequence = (a: string, b: string) => SEQUENCES.some((s) => s.includes(a + b) || [...s].reverse().join('').includes(a + b));
  let out = '';
  let run = text[0] ?? '';
  for (let i = 1; i <= text.length; i++) {
    const c = text[i];
    if (c !== undefined && inSequence(text[i - 1] as string, c)) run += c;
    else {
      if (run.length < 3) out += run;
      run = c ?? '';
    }
  }
  return out;
}

/** Why a passphrase is refused, or undefined when it is accepted. */
export function passphraseProblem(passphrase: string): PassphraseProblem | undefined {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) return 'too-short';
  const text = compact(passphrase);
  // One character, or a short unit, over and over: "aaaaaaaaaa", "abababab", "123123123".
  if (new Set(text).size < 4 || /^(.+)\1+.{0,3}$/u.test(text)) return 'repeated';
  if (withoutSequences(text).length < 4) return 'sequence';
  let left = text;
  for (const word of [...COMMON].sort((a, b) => b.length - a.length)) left = left.split(word).join('');
  if (withoutSequences(left.replace(/\p{N}/gu, '')).length < 4) return 'common';
  return undefined;
}
