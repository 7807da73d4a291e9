import { useEffect, useState } from 'preact/hooks';
import { resolveVersion, versionFolder, type LoadedQuestionnaire, type PublishedVersion, type VersionRef, type VersionResolution } from '../../core/index.ts';
import { fetchIndex, fetchQuestionnaire, fetchText, type FetchText, type QuestionnaireEntry, type QuestionnaireLoad } from '../questionnaire-loader.ts';

// Which questionnaire a professional record renders with: the one it was made with (its id, its
// version, its content hash), read from the build's index; an older version the build kept comes
// from questionnaires/<id>/versions/<version>/. Never the device's questionnaire in its place.

/**
 * A published version the build kept (questionnaires/<id>/versions/<version>/), in one language:
 * what an old record renders with. Its pictograms are the questionnaire's. Here, with the
 * professional space, not in the start screen's loader.
 */
export function fetchPublishedVersion(fetcher: FetchText, entry: QuestionnaireEntry, published: PublishedVersion, wanted: string): Promise<QuestionnaireLoad> {
  const languages = Object.keys(published.checked?.contentHashes ?? {});
  const { versions: _versions, audio: _audio, ...rest } = entry as QuestionnaireEntry & { audio?: unknown };
  const asEntry: QuestionnaireEntry = {
    ...rest,
    version: published.version,
    contentHash: published.contentHash,
    ...(languages.length ? { languages, defaultLanguage: languages.includes(entry.defaultLanguage) ? entry.defaultLanguage : (languages[0] as string) } : {}),
    ...(published.checked ? { checked: published.checked } : {}),
  };
  if (!published.checked) delete asEntry.checked;
  return fetchQuestionnaire(fetcher, asEntry, wanted, versionFolder(published.version));
}

const indexes = new WeakMap<FetchText, Promise<QuestionnaireEntry[]>>();

/** The build's questionnaires/index.json, fetched once per page (a failed fetch is tried again next time). */
export function deviceIndex(fetcher: FetchText = fetchText): Promise<QuestionnaireEntry[]> {
  let index = indexes.get(fetcher);
  if (!index) {
    index = fetchIndex(fetcher);
    indexes.set(fetcher, index);
    index.catch(() => indexes.delete(fetcher));
  }
  return index;
}

export interface RecordQuestionnaire {
  resolution: VersionResolution;
  /** The files to render with; undefined when the build has no questionnaire of that id, or its files could not be read. */
  loaded: LoadedQuestionnaire | undefined;
  index: QuestionnaireEntry[];
}

/** The questionnaire a record was made with, in the professional's language. `device` is reused when it is the one. */
export async function questionnaireOfRecord(ref: VersionRef, device: LoadedQuestionnaire, language: string, fetcher: FetchText = fetchText): Promise<RecordQuestionnaire> {
  // Without the index (it could not be read), the device's questionnaire is all there is to know.
  const index = await deviceIndex(fetcher).catch((): QuestionnaireEntry[] => [entryOf(device, language)]);
  const resolution = resolveVersion(index, ref);
  const load = async (): Promise<LoadedQuestionnaire | undefined> => {
    if (resolution.status === 'no-questionnaire') return undefined;
    const { entry } = resolution;
    if (resolution.status === 'archived') {
      const got = await fetchPublishedVersion(fetcher, entry, resolution.published, language);
      return got.ok ? got.loaded : undefined;
    }
    if (entry.id === device.questionnaire.id && entry.version === device.questionnaire.version && device.locales[language]) return device;
    const got = await fetchQuestionnaire(fetcher, entry, language);
    return got.ok ? got.loaded : undefined;
  };
  return { resolution, loaded: await load().catch(() => undefined), index };
}

function entryOf(device: LoadedQuestionnaire, language: string): QuestionnaireEntry {
  const { id, version } = device.questionnaire;
  return { id, version, languages: [language], defaultLanguage: language, contentHash: device.contentHash, pictograms: [] };
}

/** questionnaireOfRecord as a hook: undefined while loading. */
export function useRecordQuestionnaire(ref: VersionRef, device: LoadedQuestionnaire, language: string): RecordQuestionnaire | undefined {
  const [state, setState] = useState<{ key: string; value: RecordQuestionnaire }>();
  const key = `${ref.questionnaireId}\u0000${ref.questionnaireVersion ?? ''}\u0000${ref.contentHash}\u0000${language}`;
  useEffect(() => {
    let live = true;
    void questionnaireOfRecord(ref, device, language).then((value) => live && setState({ key, value }));
    return () => {
      live = false;
    };
  }, [key, device]);
  return state?.key === key ? state.value : undefined;
}
