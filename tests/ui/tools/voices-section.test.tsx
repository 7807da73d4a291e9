// « Voix enregistrées »: a text of the questionnaire recorded with the microphone, heard, and
// exported under the name the kiosk looks for; a missing microphone is said plainly.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/index.ts';
import { I18nContext } from '../../../src/ui/i18n-context.ts';
import VoicesSection from '../../../src/ui/pro/voices-section.tsx';
import { autonomie, frenchWithProStrings, memoryVault } from './harness.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A MediaRecorder that hands over one chunk of sound when stopped. */
class FakeRecorder {
  static isTypeSupported = (type: string) => type === 'audio/ogg';
  mimeType: string;
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  constructor(_stream: unknown, options?: { mimeType?: string }) {
    this.mimeType = options?.mimeType ?? '';
  }
  start() {}
  stop() {
    this.ondataavailable?.({ data: new Blob(['sound'], { type: this.mimeType }) });
    this.onstop?.();
  }
}

async function renderVoices(microphone: () => Promise<MediaStream>) {
  const t = await frenchWithProStrings();
  const saved: { name: string; blob: Blob }[] = [];
  render(
    <I18nContext.Provider value={{ t, language: 'fr' }}>
      <VoicesSection
        vault={memoryVault() as never}
        questionnaire={autonomie()}
        language="fr"
        settings={DEFAULT_SETTINGS}
        params={{}}
        navigate={() => undefined}
        registerFlush={() => () => undefined}
        microphone={microphone}
        download={(name, blob) => saved.push({ name, blob })}
      />
    </I18nContext.Provider>,
  );
  return saved;
}

describe('recorded voices', () => {
  it('records a chosen text, lets it be heard, and exports it as <key>.<ext> for the questionnaire folder', async () => {
    vi.stubGlobal('MediaRecorder', FakeRecorder);
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:voice', revokeObjectURL: () => undefined }));
    const stopped = vi.fn();
    const saved = await renderVoices(async () => ({ getTracks: () => [{ stop: stopped }] }) as unknown as MediaStream);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Enregistrer votre voix' }));
    const select = screen.getByLabelText('Texte à enregistrer') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'questions.equipement.options.smartphone' } });
    expect(screen.getByText('Nom du texte : questions.equipement.options.smartphone')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    fireEvent.click(await screen.findByRole('button', { name: "Arrêter l'enregistrement" }));
    expect(stopped).toHaveBeenCalled();
    expect(screen.getByLabelText("Écouter l'enregistrement").getAttribute('src')).toBe('blob:voice');
    fireEvent.click(screen.getByRole('button', { name: 'Exporter le fichier' }));
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([['questions.equipement.options.smartphone.ogg', 'audio/ogg']]);
    expect(screen.getByRole('status').textContent).toContain('Rangez-le dans questionnaires/autonomie-numerique/audio/fr/');
  });

  it('says plainly when the microphone is missing or refused', async () => {
    vi.stubGlobal('MediaRecorder', FakeRecorder);
    await renderVoices(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Le micro n'est pas disponible/);
  });
});
