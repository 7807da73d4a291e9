// Kiosk → professional hand-off: the result screen's short code and its opt-in QR code with the
// answers; the professional space reads a pasted link or a typed code and files a record under a
// new or an existing code; the routes a link opened on a professional's device would take.
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';
import { encodeAnswers } from '../../src/core/handoff.ts';
import { DEFAULT_SETTINGS, loadQuestionnaire, outcomeOf, type Answers, type LoadedQuestionnaire, type QuestionId, type Settings } from '../../src/core/index.ts';
import { readProRecord } from '../../src/core/pro-record.ts';
import { setLanguage } from '../../src/i18n/index.ts';
import { loadProStrings } from '../../src/i18n/pro.ts';
import { createMemoryVaultBackend, createVaultDoor, type OpenVault } from '../../src/storage/vault.ts';
import { proHandoffRoute, readHandoff, readProRoute, shortCodeOf } from '../../src/ui/handoff-link.ts';
import { I18nContext } from '../../src/ui/i18n-context.ts';
import HandoffSection from '../../src/ui/pro/handoff-section.tsx';
import { RECORDS } from '../../src/ui/pro/section-props.ts';
import { sharedResultOf } from '../../src/ui/result-link.ts';
import { resultFragment } from '../../src/ui/result-share.ts';
import { ResultScreen } from '../../src/ui/result-screen.tsx';
import { interfaceT } from '../../src/i18n/index.ts';

let loaded: LoadedQuestionnaire;
const settings: Settings = { ...DEFAULT_SETTINGS, modes: ['kiosk', 'interview'] };
const answers: Answers = { equipement: { type: 'choices', options: ['smartphone', 'ordinateur'] } } as Answers;
let path: QuestionId[];

beforeAll(async () => {
  const result = loadQuestionnaire(readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'exemple')), { reachability: false });
  if (!result.ok) throw new Error('exemple does not load');
  loaded = result.loaded;
  path = [loaded.questionnaire.start, 'equipement' as QuestionId];
  await setLanguage('fr');
  await loadProStrings();
});
afterEach(cleanup);

const outcome = () => outcomeOf(loaded.questionnaire, answers, path);
const link = (withAnswers: boolean) => {
  const fragment = resultFragment(sharedResultOf(loaded.questionnaire, outcome(), 'fr'));
  return `https://reperes.example.org/${withAnswers ? `${fragment}&x=${encodeAnswers(loaded.questionnaire, answers, path)}` : fragment}`;
};

describe('reading a hand-off', () => {
  it('reads a result link with its answers, a link without, a short code, and says what is wrong otherwise', () => {
    const full = readHandoff(loaded, link(true));
    expect(full.ok && full.handoff.answered).toEqual({ answers, path });
    expect(full.ok && full.handoff.result.profile).toBe(outcome().profile);
    const bare = readHandoff(loaded, link(false));
    expect(bare.ok && bare.handoff.answered).toBeUndefined();
    const code = shortCodeOf(loaded, sharedResultOf(loaded.questionnaire, outcome(), 'fr'));
    const typed = readHandoff(loaded, code.toLowerCase());
    expect(typed.ok && typed.handoff.result).toEqual(full.ok && full.handoff.result);
    expect(readHandoff(loaded, `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`)).toEqual({ ok: false, problem: 'checksum' });
    expect(readHandoff(loaded, link(true).replace('q=exemple', 'q=autre'))).toEqual({ ok: false, problem: 'questionnaire' });
    expect(readHandoff(loaded, '  ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('routes a link opened on a professional device to « Recevoir un résultat »', () => {
    const hash = link(true).slice(link(true).indexOf('#'));
    const route = proHandoffRoute(hash);
    expect(route).toMatch(/^#\/pro\?receive=/);
    expect(readProRoute(route!)).toEqual({ section: 'receive', params: { link: hash } });
    expect(proHandoffRoute('#/pro')).toBeUndefined();
  });
});

describe('the kiosk result', () => {
  it('shows the short code, and the answers QR code only when the person asks for it', async () => {
    render(
      <I18nContext.Provider value={{ t: interfaceT('fr'), language: 'fr' }}>
        <ResultScreen loaded={loaded} result={sharedResultOf(loaded.questionnaire, outcome(), 'fr')} shared={false} onFinish={() => undefined} answered={{ answers, path }} />
      </I18nContext.Provider>,
    );
    const code = shortCodeOf(loaded, sharedResultOf(loaded.questionnaire, outcome(), 'fr'));
    expect(screen.getByText(code).closest('p')?.textContent).toBe(`Pour le confier à un professionnel, montrez-lui ce QR code, ou dictez-lui ce code : ${code}`);
    const toggle = screen.getByRole('button', { name: 'Confier aussi mes réponses à un professionnel' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/Ce second QR code contient vos réponses/)).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/Ce second QR code contient vos réponses, sans votre nom/)).toBeTruthy();
    expect(await screen.findByRole('img', { name: 'QR code avec vos réponses, pour un professionnel' })).toBeTruthy();
  });
});

describe('« Recevoir un résultat »', () => {
  async function open(params: Record<string, string> = {}) {
    const set = await createVaultDoor({ backend: createMemoryVaultBackend(), iterations: 1000 }).setUp('une phrase assez longue');
    if (!set.ok) throw new Error('set-up failed');
    const navigate = vi.fn();
    render(<HandoffSection vault={set.vault} questionnaire={loaded} settings={settings} language="fr" params={params} navigate={navigate} registerFlush={() => () => undefined} />);
    return { vault: set.vault, navigate };
  }
  const records = async (vault: OpenVault) => (await vault.list(RECORDS)).map(({ value }) => readProRecord(value));

  it('files a link opened on this device as a complete record under a new code', async () => {
    const { vault, navigate } = await open({ link: link(true) });
    expect(await screen.findByRole('heading', { name: 'Résultat reçu' })).toBeTruthy();
    expect(screen.getByText('Avec les réponses (2 étapes) : le dossier sera complet.')).toBeTruthy();
    const newCode = screen.getByRole('radio', { name: /^Un nouveau code : / });
    const code = /: (.+)$/.exec(newCode.closest('label')!.textContent!)![1];
    fireEvent.input(screen.getByLabelText('Repère libre (facultatif, jamais un nom)'), { target: { value: 'borne mardi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Classer le dossier' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('records', { record: expect.any(String) }));
    const [read] = await records(vault);
    if (!read?.ok) throw new Error('no record');
    expect(read.record).toMatchObject({ code, label: 'borne mardi', session: { status: 'completed', answers, path, mode: 'interview' } });
    expect(read.record.outcome).toEqual(outcome());
  });

  it('files a typed short code under an existing code, the result only', async () => {
    const { vault, navigate } = await open();
    const code = shortCodeOf(loaded, sharedResultOf(loaded.questionnaire, outcome(), 'fr'));
    fireEvent.input(screen.getByLabelText('Lien ou code du résultat'), { target: { value: 'ZZZZ-ZZZZ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lire' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ce code contient une erreur de frappe : vérifiez chaque caractère avec la personne.');
    fireEvent.input(screen.getByLabelText('Lien ou code du résultat'), { target: { value: code } });
    fireEvent.click(screen.getByRole('button', { name: 'Lire' }));
    expect(await screen.findByText('Le résultat seulement (profil, niveaux et suites), sans les réponses.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: "Le code d'une personne déjà suivie" }));
    fireEvent.input(screen.getByLabelText('Code de la personne'), { target: { value: 'K7F 2Q0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Classer le dossier' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Ce code n'est pas valable/);
    fireEvent.input(screen.getByLabelText('Code de la personne'), { target: { value: 'k7f 2qx' } });
    fireEvent.click(screen.getByRole('button', { name: 'Classer le dossier' }));
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    const [read] = await records(vault);
    if (!read?.ok) throw new Error('no record');
    expect(read.record.code).toBe('K7F-2QX');
    expect(read.record.outcome?.profile).toBe(outcome().profile);
    expect(read.record.outcome?.areas.every((a) => a.score === null)).toBe(true);
  });
});
