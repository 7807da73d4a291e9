// Renders the workshop, group, places and observatory sections with the real questionnaire
// autonomie-numerique, French strings (the kiosk's and the pro parts'), an in-memory vault and
// clear-text store, and a download that keeps the files instead of saving them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import type { TFunction } from 'i18next';
import { loadQuestionnaire, type LoadedQuestionnaire } from '../../../src/core/index.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import { loadProStrings } from '../../../src/i18n/pro.ts';
import { I18nContext } from '../../../src/ui/i18n-context.ts';
import type { DownloadFile } from '../../../src/ui/pro/download.ts';
import { memoryLocalData } from '../../../src/ui/pro/local-data.ts';
import type { ToolsSectionProps, VaultLike } from '../../../src/ui/pro/tools-props.ts';
import { QUESTIONNAIRES_DIR, ROOT, readQuestionnaireFolder } from '../../../scripts/questionnaire-files.ts';

/** French, with the strings the professional space loads when it opens (its parts and the validator's messages). */
export async function frenchWithProStrings(): Promise<TFunction> {
  await setLanguage('fr');
  return (await loadProStrings()).i18nextT('fr');
}

let loaded: LoadedQuestionnaire | undefined;
export function autonomie(): LoadedQuestionnaire {
  if (loaded) return loaded;
  const r = loadQuestionnaire(readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'autonomie-numerique')), { reachability: false });
  if (!r.ok) throw new Error('autonomie-numerique does not load');
  loaded = r.loaded;
  return loaded;
}

export function memoryVault(initial: Record<string, Record<string, unknown>> = {}): VaultLike & { data: Record<string, Record<string, unknown>> } {
  const data: Record<string, Record<string, unknown>> = structuredClone(initial);
  return {
    data,
    list: async <T,>(c: string) => Object.entries(data[c] ?? {}).map(([id, value]) => ({ id, value: structuredClone(value) as T })),
    get: async <T,>(c: string, id: string) => structuredClone(data[c]?.[id]) as T | undefined,
    put: async (c: string, id: string, value: unknown) => {
      (data[c] ??= {})[id] = structuredClone(value);
      return { ok: true };
    },
  };
}

/** A completed professional record as the pro space stores it (src/core/pro-record.ts), reduced to what the sections read. */
export function proRecord(code: string, mode: 'interview' | 'workshop', completedAt: string, outcome: unknown) {
  return { version: 1, code, session: { mode, questionnaireId: 'autonomie-numerique', status: 'completed', completedAt, updatedAt: completedAt }, outcome };
}

export async function renderSection(Section: ComponentType<ToolsSectionProps>, props: Partial<Omit<ToolsSectionProps, 'local'>> & { local?: ReturnType<typeof memoryLocalData> } = {}) {
  const t = await frenchWithProStrings();
  const files: DownloadFile[] = [];
  const vault = props.vault ?? memoryVault();
  const local = props.local ?? memoryLocalData();
  const view = render(
    <I18nContext.Provider value={{ t, language: 'fr' }}>
      <Section vault={vault} questionnaire={autonomie()} language="fr" local={local} download={(f) => files.push(f)} settings={{ structure: 'EPN des Tilleuls' }} {...props} />
    </I18nContext.Provider>,
  );
  return { view, files, vault, local };
}

export const exampleText = (name: 'workshops' | 'places') => readFileSync(join(ROOT, 'docs', `${name}.example.json`), 'utf8');
