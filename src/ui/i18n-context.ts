import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from 'i18next';
import { interfaceT } from '../i18n/index.ts';

export interface I18nValue {
  t: TFunction;
  /** The current language, for lang attributes and speech synthesis. */
  language: string;
}

export const I18nContext = createContext<I18nValue>({ t: interfaceT('fr'), language: 'fr' });

/** The interface strings in the current language; re-renders when the language changes. */
export function useT(): I18nValue {
  return useContext(I18nContext);
}
