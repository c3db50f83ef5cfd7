import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmAction } from '../../renderer/components/ConfirmAction';
import { HistoryPanel } from '../../renderer/components/HistoryPanel';
import { OrganisationPicker } from '../../renderer/components/OrganisationPicker';
import { TerritoryPicker } from '../../renderer/components/TerritoryPicker';
import { startTestApp } from '../integration/harness';
import { renderWithBackend } from './harness';

function TerritoryField({ initial }: { initial: string | null }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <TerritoryPicker label="Territoire" value={value} onChange={setValue} countryCode="ML" />
      <output data-testid="value">{value ?? ''}</output>
    </>
  );
}

function OrganisationField({ excludeId }: { excludeId?: string }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <>
      <OrganisationPicker label="Organisation" value={value} onChange={setValue} excludeId={excludeId} />
      <output data-testid="value">{value ?? ''}</output>
    </>
  );
}

describe('shared components', () => {
  it('TerritoryPicker shows the current value as a path with its P-code and searches as the user types', async () => {
    const app = await startTestApp();
    await app.call('territories.loadCountry', { countryCode: 'ML' });
    const [gao] = await app.call('territories.search', { text: 'Gao', countryCode: 'ML', limit: 1 });
    if (!gao) throw new Error('Gao missing from the reference data');
    const user = userEvent.setup();
    await renderWithBackend(<TerritoryField initial={gao.id} />, { app });

    const input = screen.getByRole('combobox', { name: 'Territoire' }) as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe(`Gao (${gao.pcode})`));

    await user.clear(input);
    await user.type(input, 'ansongo');
    const option = await screen.findByRole('option', { name: 'Gao › Ansongo (ML0701)' });
    await user.click(option);
    const chosen = screen.getByTestId('value').textContent ?? '';
    expect((await app.call('territories.get', { id: chosen })).pcode).toBe('ML0701');
    await waitFor(() => expect(input.value).toBe('Gao › Ansongo (ML0701)'));
  });

  it('OrganisationPicker filters without accents and leaves out the excluded organisation', async () => {
    const app = await startTestApp();
    const msds = await app.call('organisations.create', {
      name: 'Ministère de la Santé et du Développement Social',
      acronym: 'MSDS',
      kind: 'ministry',
    });
    const drds = await app.call('organisations.create', {
      name: 'Direction régionale de la santé de Gao',
      acronym: 'DRS Gao',
      kind: 'decentralised_service',
    });
    const user = userEvent.setup();
    await renderWithBackend(<OrganisationField excludeId={drds.id} />, { app });

    await user.type(screen.getByRole('combobox', { name: 'Organisation' }), 'SANTE');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'MSDS — Ministère de la Santé et du Développement Social',
    ]);
    await user.click(options[0] as HTMLElement);
    expect(screen.getByTestId('value').textContent).toBe(msds.id);
  });

  it('HistoryPanel lists who changed what, with readable field names and before → after', async () => {
    const app = await startTestApp();
    await app.call('settings.update', { userName: 'Awa Diarra' });
    const org = await app.call('organisations.create', { name: 'Association Jigiya', kind: 'national_ngo' });
    await app.call('organisations.update', {
      id: org.id,
      name: 'Association Jigiya Bugu',
      kind: 'umbrella_organisation',
    });
    await renderWithBackend(<HistoryPanel entityType="organisation" entityId={org.id} />, { app });

    expect(await screen.findByText('Modification')).toBeTruthy();
    expect(screen.getByText('Création')).toBeTruthy();
    expect(screen.getAllByText(/Awa Diarra/).length).toBe(2);
    const name = screen.getByText('Nom').closest('p') as HTMLElement;
    expect(name.textContent).toBe('Nom : Association Jigiya → Association Jigiya Bugu');
    const kind = screen.getByText('Type').closest('p') as HTMLElement;
    expect(kind.textContent).toBe('Type : ONG nationale / OSC → Faîtière');
  });

  it('ConfirmAction asks for a required reason and passes it on', async () => {
    const onConfirm = vi.fn();
    const user = userEvent.setup();
    await renderWithBackend(
      <ConfirmAction
        label="Fermer l’instance"
        title="Fermer cette instance ?"
        message="Elle ne figurera plus parmi les instances actives."
        withReason={{ label: 'Motif de la fermeture' }}
        onConfirm={onConfirm}
      />,
    );

    await user.click(screen.getByRole('button', { name: 'Fermer l’instance' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fermer cette instance ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Fermer l’instance' }));
    expect(await within(dialog).findByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();

    await user.type(within(dialog).getByRole('textbox', { name: /Motif de la fermeture/ }), 'Mandat achevé');
    await user.click(within(dialog).getByRole('button', { name: 'Fermer l’instance' }));
    expect(onConfirm).toHaveBeenCalledWith('Mandat achevé');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
