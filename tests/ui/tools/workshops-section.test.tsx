import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueOf } from '../../../src/core/workshops.ts';
import { memoryLocalData } from '../../../src/ui/pro/local-data.ts';
import WorkshopsSection from '../../../src/ui/pro/workshops-section.tsx';
import { exampleText, renderSection } from './harness.tsx';

afterEach(cleanup);

const importFile = (text: string, name = 'ateliers.json') =>
  fireEvent.change(screen.getByLabelText('Importer un catalogue (fichier JSON)'), { target: { files: [new File([text], name, { type: 'application/json' })] } });

describe('the workshop catalogue section', () => {
  it('adds, edits and deletes a workshop, kept in the clear-text store', async () => {
    const { local } = await renderSection(WorkshopsSection);
    const heading = await screen.findByRole('heading', { level: 1, name: "Catalogue d'ateliers" });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(/Aucun atelier pour l'instant/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un atelier' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Nouvel atelier' })));
    fireEvent.click(screen.getByRole('button', { name: "Enregistrer l'atelier" }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Indiquez : Titre.');
    expect(alert.textContent).toContain('Cochez au moins un domaine.');

    fireEvent.input(screen.getByLabelText('Titre'), { target: { value: 'Mes premiers courriels' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Courriel et messages' }));
    fireEvent.input(screen.getByLabelText('Nombre de places'), { target: { value: '6' } });
    fireEvent.input(screen.getByLabelText('Horaires'), { target: { value: 'Jeudis 10 h' } });
    fireEvent.click(screen.getByRole('button', { name: "Enregistrer l'atelier" }));
    await screen.findByText('Atelier « Mes premiers courriels » enregistré.');
    const card = screen.getByRole('heading', { level: 3, name: 'Mes premiers courriels' }).closest('li') as HTMLElement;
    expect(card.textContent).toContain('Débutant · 90 min · 6 places');
    expect(card.textContent).toContain('0 apprenant placé sur 6 places');
    expect(catalogueOf(local.data.workshops).workshops).toEqual([
      { id: 'mes-premiers-courriels', title: 'Mes premiers courriels', areas: ['communication'], level: 'debutant', durationMinutes: 90, place: '', schedule: 'Jeudis 10 h', capacity: 6 },
    ]);

    fireEvent.click(within(card).getByRole('button', { name: 'Modifier « Mes premiers courriels »' }));
    fireEvent.click(await screen.findByRole('radio', { name: 'Intermédiaire' }));
    fireEvent.click(screen.getByRole('button', { name: "Enregistrer l'atelier" }));
    await waitFor(() => expect(catalogueOf(local.data.workshops).workshops[0]?.level).toBe('intermediaire'));

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer « Mes premiers courriels »' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer : supprimer « Mes premiers courriels »' }));
    await screen.findByText('Atelier « Mes premiers courriels » supprimé.');
    expect(catalogueOf(local.data.workshops).workshops).toEqual([]);
  });

  it('refuses a broken file with every problem, its place and its fix, and changes nothing', async () => {
    const local = memoryLocalData({ workshops: JSON.parse(exampleText('workshops')) });
    await renderSection(WorkshopsSection, { local });
    await screen.findByRole('heading', { level: 3, name: 'Premiers gestes sur tablette et ordinateur' });
    importFile(JSON.stringify({ workshops: [{ title: 'Atelier', areas: ['internett'], level: 'expert', durationMinutes: 60, capacity: 0 }] }), 'mon-catalogue.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Le fichier n'a pas été importé : rien n'a changé.");
    const lines = within(alert).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual([
      expect.stringMatching(/^mon-catalogue\.json — \$\.workshops\[0\]\.areas\[0\] : le domaine « internett » n'est pas déclaré.*Vouliez-vous dire « internet » \?$/),
      expect.stringMatching(/^mon-catalogue\.json — \$\.workshops\[0\]\.level : le niveau « expert » n'existe pas\. Niveaux possibles : debutant, intermediaire, avance\.$/),
      expect.stringMatching(/^mon-catalogue\.json — \$\.workshops\[0\]\.capacity : la valeur 0 doit être comprise entre 1 et 500\.$/),
    ]);
    expect(catalogueOf(local.data.workshops).workshops).toHaveLength(5);
  });

  it('imports the example file, and exports the catalogue saying what the file holds', async () => {
    const { files } = await renderSection(WorkshopsSection);
    await screen.findByRole('heading', { level: 1 });
    importFile(exampleText('workshops'));
    await screen.findByText('5 ateliers importés.');
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(5);
    const exportButton = screen.getByRole('button', { name: 'Exporter le catalogue (fichier JSON)' });
    expect(exportButton.getAttribute('aria-describedby')).toBe('pro-workshops-export-hint');
    expect(document.getElementById('pro-workshops-export-hint')?.textContent).toContain('Aucune donnée sur les personnes');
    fireEvent.click(exportButton);
    expect(files).toHaveLength(1);
    expect(files[0]?.name).toBe('ateliers.json');
    expect(JSON.parse(files[0]?.text ?? '')).toEqual(JSON.parse(exampleText('workshops')));
  });
});
