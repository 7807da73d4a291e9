import { useState } from 'preact/hooks';
import type { DiProblem } from '../../core/data-inclusion.ts';
import type { Place } from '../../core/places.ts';
import { useT } from '../i18n-context.ts';
import { formatDiProblem } from '../../i18n/problems.ts';

// Places from data·inclusion (schema v1): one or several structures/services files, JSON or CSV,
// checked whole (src/core/data-inclusion.ts), then added to the places or put in their stead. Every
// problem is a line of text (never markup): the file, the JSON path or the CSV line and column, and
// what to do. Long lists are cut, with the count of what is not shown.

/** Problems shown at most; the rest is counted. */
const SHOWN = 50;

interface Outcome {
  message: string;
  problems: readonly DiProblem[];
  failed: boolean;
}

export function DataInclusionImport({ places, save }: { places: readonly Place[]; save: (next: Place[], message: string) => Promise<boolean> }) {
  const { t } = useT();
  const [replace, setReplace] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const change = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    // The reader (Valibot, the schema's enumerations, the CSV parser) comes with import(), only when files are chosen.
    const { readDataInclusion } = await import('../../core/data-inclusion.ts');
    const result = await readDataInclusion(files.map((f) => ({ name: f.name, size: f.size, text: () => f.text() })));
    input.value = '';
    if (!result.ok) {
      setOutcome({ message: t('pro.places.di.failed'), problems: result.problems, failed: true });
      return;
    }
    if (result.places.length === 0) {
      setOutcome({ message: t('pro.places.di.none'), problems: result.warnings, failed: true });
      return;
    }
    const ids = new Set(result.places.map((p) => p.id));
    const next = replace ? result.places : [...places.filter((p) => !ids.has(p.id)), ...result.places];
    const done = t('pro.places.di.imported', { count: result.places.length, structures: result.counts.structures, services: result.counts.services, skipped: result.counts.skipped });
    const ok = await save(next, done);
    setOutcome(ok ? { message: result.warnings.length > 0 ? t('pro.places.di.warnings') : '', problems: result.warnings, failed: false } : undefined);
  };

  const shown = outcome?.problems.slice(0, SHOWN) ?? [];
  const more = (outcome?.problems.length ?? 0) - shown.length;
  return (
    <section class="pro-tools__import" aria-labelledby="pro-di-title">
      <h2 id="pro-di-title">{t('pro.places.di.title')}</h2>
      <p>{t('pro.places.di.intro')}</p>
      <fieldset class="pro-field">
        <legend>{t('pro.places.di.mode')}</legend>
        <label class="pro-check">
          <input type="radio" name="pro-di-mode" checked={!replace} onChange={() => setReplace(false)} />
          {t('pro.places.di.merge')}
        </label>
        <label class="pro-check">
          <input type="radio" name="pro-di-mode" checked={replace} onChange={() => setReplace(true)} />
          {t('pro.places.di.replace')}
        </label>
      </fieldset>
      <div class="pro-field">
        <label for="pro-di-files">{t('pro.places.di.files')}</label>
        <p class="pro-field__hint" id="pro-di-files-hint">
          {t('pro.places.di.filesHint')}
        </p>
        <input id="pro-di-files" type="file" multiple accept=".json,.csv,application/json,text/csv" aria-describedby="pro-di-files-hint" onChange={(e) => void change(e)} />
        {outcome && (outcome.message || shown.length > 0) && (
          <div class={outcome.failed ? 'pro-tools__import-problems' : 'pro-tools__import-notes'} role={outcome.failed ? 'alert' : 'status'}>
            {outcome.message && <p>{outcome.message}</p>}
            <ul class="pro-tools__problems">
              {shown.map((p, i) => (
                <li key={i}>{formatDiProblem(p, t)}</li>
              ))}
            </ul>
            {more > 0 && <p>{t('pro.places.di.more', { count: more })}</p>}
          </div>
        )}
      </div>
    </section>
  );
}
