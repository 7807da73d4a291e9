// Renders the kiosk App against the real files on disk: questionnaires/exemple and public/settings.json (pointed at exemple).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor, type RenderResult } from '@testing-library/preact';
import { checkedFiles, loadQuestionnaire } from '../../src/core/index.ts';
import { App, type AppProps } from '../../src/ui/app.tsx';
import { MissingFile, type FetchText, type QuestionnaireEntry } from '../../src/ui/questionnaire-loader.ts';
import { fileFingerprint, QUESTIONNAIRES_DIR, ROOT, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';
import { readPictograms } from '../../scripts/pictogram-files.ts';

export function indexEntry(id = 'exemple'): QuestionnaireEntry {
  const source = readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, id));
  const result = loadQuestionnaire(source, { reachability: false });
  if (!result.ok) throw new Error(`${id} does not load`);
  const q = result.loaded.questionnaire;
  return { id: q.id, version: q.version, languages: q.languages, defaultLanguage: q.defaultLanguage, contentHash: result.loaded.contentHash, ...(q.example ? { example: true } : {}), pictograms: source.pictograms.sort(), drawings: readPictograms(join(QUESTIONNAIRES_DIR, id), source.pictograms).drawings, checked: checkedFiles(source, result.loaded, fileFingerprint) };
}

export interface Files {
  /** Replaces files by URL ('./settings.json', './questionnaires/exemple/locales/fr.json', …); null means missing. */
  overrides?: Record<string, string | null>;
}

/** A fetcher that reads the repository's files, as the static build would serve them. */
export function diskFetcher({ overrides = {} }: Files = {}): FetchText & { requested: string[] } {
  const requested: string[] = [];
  const fetcher = async (requestedUrl: string) => {
    requested.push(requestedUrl);
    const url = requestedUrl.replace(/\?.*$/, '');
    if (url in overrides) {
      const text = overrides[url];
      if (text === null || text === undefined) throw new MissingFile(url, 404);
      return text;
    }
    if (url === './questionnaires/index.json') return JSON.stringify([indexEntry()]);
    // The structure's real settings, pointed at the sample questionnaire these tests walk through, alone (a list of several has its tests).
    if (url === './settings.json') return JSON.stringify({ ...JSON.parse(readFileSync(join(ROOT, 'public', 'settings.json'), 'utf8')), defaultQuestionnaire: 'exemple', questionnaires: undefined, languages: ['fr', 'en'] });
    const match = /^\.\/questionnaires\/(.+)$/.exec(url);
    if (match?.[1]) {
      try {
        return readFileSync(join(QUESTIONNAIRES_DIR, match[1]), 'utf8');
      } catch {
        throw new MissingFile(url, 404);
      }
    }
    throw new MissingFile(url, 404);
  };
  return Object.assign(fetcher, { requested });
}

export async function renderKiosk(props: Partial<AppProps> & Files = {}): Promise<RenderResult> {
  const { overrides, ...rest } = props;
  const result = render(<App fetchText={diskFetcher({ overrides })} {...rest} />);
  // The start screen's title shows at once; the screen is ready when "Chargement…" has gone.
  await waitFor(
    () => {
      if (screen.queryByText('Chargement…')) throw new Error('still loading');
      screen.getByRole('heading', { level: 1 });
    },
  );
  return result;
}

/** Presses a key on the element that has the focus (or the body). */
export function activeElement(): HTMLElement {
  return (document.activeElement as HTMLElement | null) ?? document.body;
}
