import { Button, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from '../../../shared/domain/vocabularies';
import { notifyError } from '../../app/errors';
import { call, useRpc } from '../../app/rpc';
import { countryOptions, isCountryCode } from './countries';

type Busy = null | 'demo' | 'empty';

/**
 * First run: says what Concerto is, asks the country (its territories are loaded) and the
 * user's name (written in the history), then starts with demonstration data or an empty base.
 */
export function WelcomeModal() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useRpc('settings.get', {});
  const [country, setCountry] = useState<CountryCode | null>(null);
  const [countryError, setCountryError] = useState<string | null>(null);
  const [userName, setUserName] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [done, setDone] = useState(false);

  const opened = !!settings.data && !settings.data.welcomed && !done;

  const start = async (mode: 'demo' | 'empty') => {
    const chosen = country ?? settings.data?.countryCode ?? null;
    if (!chosen) {
      setCountryError(t('welcome.countryRequired'));
      return;
    }
    setBusy(mode);
    try {
      // Territories first: the country's names must be there before anything refers to them.
      await call('territories.loadCountry', { countryCode: chosen });
      if (mode === 'demo') await call('demo.load', {});
      await call('settings.update', { countryCode: chosen, userName: userName.trim(), welcomed: true });
      setDone(true);
      notifications.show({
        color: 'teal',
        message: mode === 'demo' ? t('common.demo.loaded') : t('welcome.ready'),
      });
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(null);
      await client.invalidateQueries();
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      size="lg"
      title={t('welcome.title')}
    >
      <Stack gap="md">
        <Text size="sm">{t('welcome.intro')}</Text>
        <Select
          label={t('welcome.country')}
          description={t('welcome.countryHint')}
          placeholder={t('welcome.countryPlaceholder')}
          data={countryOptions(t)}
          value={country ?? settings.data?.countryCode ?? null}
          onChange={(value) => {
            setCountry(isCountryCode(value) ? value : null);
            setCountryError(null);
          }}
          error={countryError}
          required
          searchable
          allowDeselect={false}
        />
        <TextInput
          label={t('welcome.userName')}
          description={t('welcome.userNameHint')}
          value={userName}
          onChange={(event) => setUserName(event.currentTarget.value)}
          maxLength={120}
        />
        <Stack gap="xs" mt="sm">
          <Button onClick={() => void start('demo')} loading={busy === 'demo'} disabled={busy !== null}>
            {t('welcome.loadDemo')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('welcome.loadDemoHint')}
          </Text>
          <Button
            variant="default"
            onClick={() => void start('empty')}
            loading={busy === 'empty'}
            disabled={busy !== null}
          >
            {t('welcome.startEmpty')}
          </Button>
        </Stack>
      </Stack>
    </Modal>
  );
}
