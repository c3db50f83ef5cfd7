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
