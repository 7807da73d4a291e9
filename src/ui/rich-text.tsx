import type { ComponentChildren, JSX } from 'preact';
import { useT } from './i18n-context.ts';

// Text as a person reads it, whatever the script around it:
//  - addresses of sites and mail, phone numbers and numbers with spaces are isolated left to right
//    (<bdi dir="ltr">), so that "01 70 77 23 72" does not come out reversed in Arabic;
//  - a web address may wrap after its dots and slashes (<wbr>), never in the middle of a word, so
//    that "Cybermalveillance.gouv.fr" fits a phone's width;
//  - French names kept in a translation (France Services, CAF…: `ui.frenchTerms` of the language)
//    carry lang="fr", so that a screen reader says them in French.

/** Left to right, isolated from the text around it. */
export function Ltr({ children, lang }: { children: ComponentChildren; lang?: string }) {
  return (
    <bdi dir="ltr" class="ltr" lang={lang}>
      {children}
    </bdi>
  );
}

/** A web or mail address with a break opportunity after each dot, slash or @. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[./@])(?=[^./@])/);
  return (
    <>
      {parts.map((part, i) => (
        <>
          {i > 0 && <wbr />}
          {part}
        </>
      ))}
    </>
  );
}

// A web address (with or without https:// or www.), a mail address, or a run of digits with spaces, dots or a leading + (a phone, "11,5").
const ADDRESS = String.raw`(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+(?:fr|com|org|net|info|eu|gouv\.fr)(?:\/[^\s)»"]*)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const NUMBER = String.raw`\+?\d[\d\u00a0\u202f .,:]*\d`;

const patterns = new Map<string, RegExp>();
/** The pattern for one list of French names, compiled once: a Unicode pattern costs milliseconds to compile on a cheap tablet, and every text on screen asks. */
function patternFor(frenchTerms: readonly string[]): RegExp {
  const key = frenchTerms.join('\u0000');
  let pattern = patterns.get(key);
  if (!pattern) {
    const terms = frenchTerms.filter(Boolean).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const sources = [`(${ADDRESS})`, `(${NUMBER})`, terms.length ? `(${terms.join('|')})` : '(?!)'];
    patterns.set(key, (pattern = new RegExp(sources.join('|'), 'gu')));
  }
  return pattern;
}

/** `text` cut into plain runs and runs to isolate, ready to render. */
export function textRuns(text: string, frenchTerms: readonly string[] = []): { kind: 'plain' | 'address' | 'number' | 'french'; text: string }[] {
  const pattern = patternFor(frenchTerms);
  const runs: ReturnType<typeof textRuns> = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > at) runs.push({ kind: 'plain', text: text.slice(at, index) });
    runs.push({ kind: match[1] ? 'address' : match[2] ? 'number' : 'french', text: match[0] });
    at = index + match[0].length;
  }
  if (at < text.length) runs.push({ kind: 'plain', text: text.slice(at) });
  return runs;
}

/** The French names a translation keeps, from the interface strings of the language on screen. */
export function useFrenchTerms(): string[] {
  const { t, language } = useT();
  if (language === 'fr' || language.startsWith('fr-')) return [];
  const terms = t('ui.frenchTerms');
  return terms && terms !== 'ui.frenchTerms' ? terms.split('|') : [];
}

/** Text from a locale file, with addresses, numbers and French names marked as above. */
export function RichText({ text }: { text: string }): JSX.Element {
  const frenchTerms = useFrenchTerms();
  return (
    <>
      {textRuns(text, frenchTerms).map((run) => {
        if (run.kind === 'address')
          return (
            <Ltr>
              <Breakable text={run.text} />
            </Ltr>
          );
        // A lone number ("3") needs no isolation; a group ("01 70 77 23 72", "11,5 sur 19") does.
        if (run.kind === 'number') return /\D/.test(run.text) ? <Ltr>{run.text}</Ltr> : run.text;
        if (run.kind === 'french') return <span lang="fr">{run.text}</span>;
        return run.text;
      })}
    </>
  );
}

/**
 * A translated string with components in its placeholders: `t(key, { phone: marker('phone') })`
 * gives the string with a marker where the phone goes, and `fill` puts the component there.
 */
export const marker = (name: string) => `\u2063${name}\u2063`;

export function fill(translated: string, nodes: Record<string, ComponentChildren>): ComponentChildren[] {
  return translated.split(/\u2063(\w+)\u2063/).map((part, i) => (i % 2 === 1 ? nodes[part] : part));
}
