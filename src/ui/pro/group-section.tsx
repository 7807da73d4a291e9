import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ignoreLocked } from '../../storage/vault.ts';
import { assign, assignedCounts, rosterCsv, unassign, type Catalogue, type Learner, type Roster } from '../../core/workshops.ts';
import { useT } from '../i18n-context.ts';
import { localeText } from '../questionnaire-loader.ts';
import { downloadFile, today } from './download.ts';
import { openLocalData } from './local-data.ts';
import { StatusLine } from './tools-parts.tsx';
import { learnersOf, loadRoster, RECORDS, ROSTER, ROSTER_ID, type ToolsSectionProps, type VaultLike } from './tools-props.ts';
import { loadCatalogue } from './workshops-section.tsx';
import './tools.css';
import { LoadingStatus } from '../loading-status.tsx';

// The group: the learners of workshop-mode diagnostics (codes, never names), their profile and
// areas to work on, the workshop each is placed in; placing within capacity; the roster as CSV.
// The roster names codes, so it lives in the vault (encrypted), as one value.
// Keyboard: per learner, a labelled select and its button; the export button says what it saves.

/** Places a learner and stores the roster; the reason when the workshop is full. */
export async function placeLearner(vault: VaultLike, roster: Roster, code: string, workshopId: string, catalogue: Catalogue) {
  const result = assign(roster, code, workshopId, catalogue);
  if (!result.ok) return result;
  const saved = await vault.put(ROSTER, ROSTER_ID, result.roster);
  return saved.ok ? result : ({ ok: false, reason: 'storage' } as const);
}

export default function GroupSection({ vault, questionnaire, local, download = downloadFile }: ToolsSectionProps) {
  const { t, language } = useT();
  const texts = questionnaire.locales[language] ?? Object.values(questionnaire.locales)[0];
  const [data, setData] = useState<{ learners: Learner[]; catalogue: Catalogue }>();
  const [roster, setRoster] = useState<Roster>({ assignments: {} });
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [records, roster, catalogue] = await Promise.all([vault.list<unknown>(RECORDS), loadRoster(vault, questionnaire.questionnaire.id), loadCatalogue(local ?? (await openLocalData()))]);
      if (!live) return;
      const learners = learnersOf(
        records.map((r) => r.value),
        questionnaire.questionnaire.id,
      ).sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));
      setData({ learners, catalogue });
      setRoster(roster);
    })().catch(ignoreLocked);
    return () => {
      live = false;
    };
  }, []);
  // The heading takes the focus once the section has loaded (RGAA 12.8).
  useLayoutEffect(() => heading.current?.focus(), [data === undefined]);

  if (!data) {
    return <LoadingStatus />;
  }
  const { learners, catalogue } = data;
  const counts = assignedCounts(roster);
  const profileLabel = (id: string) => localeText(texts, 'profiles', id, 'title');
  const areaLabel = (id: string) => localeText(texts, 'areas', id, 'label');
  const levelLabel = (l: string) => t(`pro.workshops.levels.${l}`);

  const place = async (code: string) => {
    const id = choice[code] ?? '';
    const workshop = catalogue.workshops.find((w) => w.id === id);
    if (!workshop) return;
    const result = await placeLearner(vault, roster, code, id, catalogue);
    if (result.ok) {
      setRoster(result.roster);
      setStatus(t('pro.workshops.group.assigned', { code, title: workshop.title }));
    } else if (result.reason === 'full') setStatus(t('pro.workshops.group.full', { title: workshop.title, count: workshop.capacity }));
    else setStatus(t('pro.workshops.storageFailed'));
  };
  const remove = async (code: string) => {
    const next = unassign(roster, code);
    const saved = await vault.put(ROSTER, ROSTER_ID, next);
    if (!saved.ok) return setStatus(t('pro.workshops.storageFailed'));
    setRoster(next);
    setStatus(t('pro.workshops.group.unassigned', { code }));
  };
  const exportCsv = () => {
    const csv = rosterCsv(learners, roster, catalogue, {
      headers: [
        t('pro.workshops.group.csv.code'),
        t('pro.workshops.group.csv.date'),
        t('pro.workshops.group.csv.profile'),
        t('pro.workshops.group.csv.weak'),
        t('pro.workshops.group.csv.workshop'),
        t('pro.workshops.group.csv.level'),
        t('pro.workshops.group.csv.schedule'),
        t('pro.workshops.group.csv.place'),
      ],
      profile: profileLabel,
      area: areaLabel,
      level: levelLabel,
    });
    download({ name: `groupe-${today()}.csv`, text: csv, type: 'text/csv' });
  };

  return (
    <section class="pro pro-tools" aria-labelledby="pro-group-title">
      <h1 id="pro-group-title" tabIndex={-1} ref={heading}>
        {t('pro.workshops.group.title')}
      </h1>
      <p>{t('pro.workshops.group.intro')}</p>
      <StatusLine text={status} />
      {catalogue.workshops.length === 0 && <p class="notice">{t('pro.workshops.group.noCatalogue')}</p>}
      {learners.length === 0 ? (
        <p>{t('pro.workshops.group.empty')}</p>
      ) : (
        <table class="pro-table">
          <caption>{t('pro.workshops.group.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pro.workshops.group.code')}</th>
              <th scope="col">{t('pro.workshops.group.date')}</th>
              <th scope="col">{t('pro.workshops.group.profile')}</th>
              <th scope="col">{t('pro.workshops.group.weak')}</th>
              <th scope="col">{t('pro.workshops.group.workshop')}</th>
            </tr>
          </thead>
          <tbody>
            {learners.map((learner) => {
              const current = catalogue.workshops.find((w) => w.id === roster.assignments[learner.code]);
              const selectId = `pro-group-${learner.code}`;
              return (
                <tr key={learner.code}>
                  <th scope="row" class="pro-code">
                    {learner.code}
                  </th>
                  <td>{learner.date}</td>
                  <td>{profileLabel(learner.profile)}</td>
                  <td>{learner.weakAreas.length ? learner.weakAreas.map(areaLabel).join(', ') : t('pro.workshops.group.nothingWeak')}</td>
                  <td>
                    <p>{current ? current.title : t('pro.workshops.group.none')}</p>
                    {catalogue.workshops.length > 0 && (
                      <div class="pro-group__assign">
                        <label class="visually-hidden" for={selectId}>
                          {t('pro.workshops.group.choose', { code: learner.code })}
                        </label>
                        <select id={selectId} value={choice[learner.code] ?? current?.id ?? ''} onChange={(e) => setChoice({ ...choice, [learner.code]: e.currentTarget.value })}>
                          <option value="">{t('pro.workshops.group.chooseNone')}</option>
                          {catalogue.workshops.map((w) => {
                            const left = w.capacity - (counts.get(w.id) ?? 0);
                            return (
                              <option key={w.id} value={w.id}>
                                {left <= 0 && w.id !== current?.id ? t('pro.workshops.group.optionFull', { title: w.title }) : t('pro.workshops.group.optionPlaces', { title: w.title, count: Math.max(0, left) })}
                              </option>
                            );
                          })}
                        </select>
                        <button type="button" class="button button--secondary button--small" onClick={() => void place(learner.code)}>
                          {t('pro.workshops.group.assign', { code: learner.code })}
                        </button>
                        {current && (
                          <button type="button" class="button button--tertiary button--small" onClick={() => void remove(learner.code)}>
                            {t('pro.workshops.group.unassign', { code: learner.code })}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div class="pro-tools__files">
        <div class="pro-field">
          <button type="button" class="button button--primary" aria-describedby="pro-group-export-hint" onClick={exportCsv} disabled={learners.length === 0}>
            {t('pro.workshops.group.export')}
          </button>
          <p class="pro-field__hint" id="pro-group-export-hint">
            {t('pro.workshops.group.exportHint')}
          </p>
        </div>
      </div>
    </section>
  );
}
