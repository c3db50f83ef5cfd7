import { Alert, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useRpc, useRpcMutation } from '../../app/rpc';
import { ConfirmAction } from '../../components/ConfirmAction';

/** Shown above every page while demonstration records exist, so that nobody mistakes them for real ones. */
export function DemoBanner() {
  const { t } = useTranslation();
  const status = useRpc('demo.status', {});
  const remove = useRpcMutation('demo.remove');
  if (!status.data?.loaded) return null;
  return (
    <Alert color="yellow" variant="light" mb="md" role="status" title={t('common.demo.banner')}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('common.demo.bannerHint')}</Text>
        <ConfirmAction
          label={t('common.demo.remove')}
          title={t('common.demo.removeTitle')}
          message={t('common.demo.removeMessage')}
          color="red"
          variant="white"
          size="xs"
          onConfirm={async () => {
            await remove.mutateAsync({});
            notifications.show({ color: 'teal', message: t('common.demo.removed') });
          }}
        />
      </Group>
    </Alert>
  );
}
