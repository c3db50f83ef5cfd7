import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SettingsPage } from '../../renderer/features/settings/SettingsPage';
import { startTestApp } from '../integration/harness';
import { renderWithBackend } from './harness';

describe('meeting settings', () => {
  it('shows the country’s time zone and saves a new repeated-absence threshold', async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true, countryCode: 'BJ' });
    await renderWithBackend(<SettingsPage />, { app, route: '/settings' });

    const zone = await screen.findByRole('combobox', { name: 'Fuseau horaire du secrétariat' });
    expect((zone as HTMLInputElement).value).toBe('Porto-Novo (GMT+1)');
    const threshold = screen.getByRole('textbox', { name: 'Seuil d’absences répétées' });
    expect((threshold as HTMLInputElement).value).toBe('2');

    fireEvent.change(threshold, { target: { value: '3' } });
    await waitFor(async () => expect((await app.call('settings.get', {})).absenceThreshold).toBe(3));
  });
});

describe('recommendation references', () => {
  it('shows an example of the format and refuses one without a number', async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    await renderWithBackend(<SettingsPage />, { app, route: '/settings' });

    const format = await screen.findByRole('textbox', { name: 'Format des références de recommandations' });
    expect(screen.getByText(/Exemple : GTGPS\/2025\/03\/R04/)).toBeTruthy();
    fireEvent.change(format, { target: { value: '{SIGLE}-{AAAA}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le format' }));
    expect(
      await screen.findByText('Le format doit contenir {NN} (le numéro de la recommandation).'),
    ).toBeTruthy();
    expect((await app.call('settings.get', {})).referenceFormat).toBe('{SIGLE}/{AAAA}/{MM}/R{NN}');

    fireEvent.change(format, { target: { value: 'REC-{SIGLE}-{AAAA}-{NN}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le format' }));
    await waitFor(async () =>
      expect((await app.call('settings.get', {})).referenceFormat).toBe('REC-{SIGLE}-{AAAA}-{NN}'),
    );
  });
});
