import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CATALOGUE_SETTING, PLACES_SETTING } from '../../core/setting-keys.ts';
import { BACKUP_EXTENSION, createBackup, openBackup, restoreBackup } from '../../storage/vault-backup.ts';
import type { OpenVault } from '../../storage/vault.ts';
import { useT } from '../i18n-context.ts';
import { downloadFile, today, type Download } from './download.ts';
import { openLocalData, type LocalData } from './local-data.ts';
import type { ProSectionProps } from './section-props.ts';

// « Sauvegarde »: the whole vault (records, roster) with the catalogue and the places in one file
// sealed with the passphrase (src/storage/vault-backup.ts), and its restore, merged by id. The
// backup's date is noted in clear on the device for the reminder and the reset screen.

export interface BackupSectionProps extends ProSectionProps {
  /** For tests: the clear-text store and the download; the device's own otherwise. */
  local?: LocalData;
  download?: Download;
}

type Message = { key: string; values?: Record<string, unknown>; alert?: boolean };

export default function BackupSection({ vault, backups, local, download = downloadFile }: BackupSectionProps) {
  const { t, language } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [last, setLast] = useState<number | undefined | 'loading'>('loading');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Message>();
  const [passphrase, setPassphrase] = useState('');
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState<Message>();
  useLayoutEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    void (backups?.last() ?? Promise.resolve(undefined)).then(setLast, () => setLast(undefined));
  }, [backups]);
  const date = (at: number | string) => new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(at));

  const save = async () => {
    setSaving(true);
    setSaved(undefined);
    try {
      const store = local ?? (await openLocalData());
      const [workshops, places] = await Promise.all([store.get(CATALOGUE_SETTING), store.get(PLACES_SETTING)]);
      const now = new Date();
      const { text, records } = await createBackup(vault as OpenVault, { [CATALOGUE_SETTING]: workshops, [PLACES_SETTING]: places }, now);
      const name = `reperes-sauvegarde-${today(now)}${BACKUP_EXTENSION}`;
      download({ name, text, type: 'application/json' });
      await backups?.noted(now.getTime());
      setLast(now.getTime());
      setSaved({ key: 'pro.backup.saved', values: { count: records, file: name } });
    } catch {
      setSaved({ key: 'pro.backup.saveFailed', alert: true });
    } finally {
      setSaving(false);
    }
  };

  const restore = async (event: Event) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setRestored({ key: 'pro.backup.noFile', alert: true });
    setRestoring(true);
    setRestored(undefined);
    try {
      const opened = await openBackup(await file.text(), passphrase);
      if (!opened.ok) return setRestored({ key: `pro.backup.problems.${opened.problem}`, values: { file: file.name }, alert: true });
      const report = await restoreBackup(vault as OpenVault, local ?? (await openLocalData()), opened.content);
      setPassphrase('');
      setRestored(
        report.failed
          ? { key: 'pro.backup.restoredFailed', values: { count: report.failed }, alert: true }
          : { key: 'pro.backup.restored', values: { date: date(opened.createdAt), added: report.added, updated: report.updated, kept: report.kept, settings: report.settingsAdded } },
      );
    } finally {
      setRestoring(false);
    }
  };

  const say = (m: Message | undefined) =>
    m && (
      <p class={m.alert ? 'question__error' : 'notice'} role={m.alert ? 'alert' : 'status'}>
        {t(m.key, m.values ?? {})}
      </p>
    );

  return (
    <section class="pro-section" aria-labelledby="pro-backup-title">
      <h1 id="pro-backup-title" tabIndex={-1} ref={heading}>
        {t('pro.backup.title')}
      </h1>
      <p>{t('pro.backup.intro')}</p>
      {last !== 'loading' && <p>{last === undefined ? t('pro.backup.never') : t('pro.backup.last', { date: date(last) })}</p>}
      <p>
        <button type="button" class="button button--primary" disabled={saving} onClick={() => void save()}>
          {t(saving ? 'pro.backup.saving' : 'pro.backup.save')}
        </button>
      </p>
      {say(saved)}

      <h2>{t('pro.backup.restoreTitle')}</h2>
      <p>{t('pro.backup.restoreIntro')}</p>
      <form class="pro-form" onSubmit={(e) => void restore(e)} noValidate>
        <div class="pro-field">
          <label for="pro-backup-file">{t('pro.backup.file')}</label>
          <input id="pro-backup-file" type="file" accept={`${BACKUP_EXTENSION},application/json`} ref={fileInput} />
        </div>
        <div class="pro-field">
          <label for="pro-backup-passphrase">{t('pro.backup.passphrase')}</label>
          <input id="pro-backup-passphrase" type="password" autocomplete="off" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button button--secondary" disabled={restoring}>
          {t(restoring ? 'pro.backup.restoring' : 'pro.backup.restore')}
        </button>
      </form>
      {say(restored)}
    </section>
  );
}
