import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../shared/rpc/safety';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { BusyModal } from '../../components/BusyModal';
import { FailureAlert } from '../../components/FailureAlert';
import { formatBackupDate, formatSummary } from './format';
import { type RestoreOutcome, useRestore } from './restore';

export interface RestoreBackupModalProps {
  backup: Backup;
  /** 'safe': the current database is damaged; it is set aside rather than offered back. */
  mode?: 'normal' | 'safe';
  onClose: () => void;
  onRestored: (outcome: RestoreOutcome) => void;
}

/** "Restaurer" asks first, saying in plain words what will happen and that it can be undone. */
export function RestoreBackupModal({
  backup,
  mode = 'normal',
  onClose,
  onRestored,
}: RestoreBackupModalProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { restoreBackup } = useRestore();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const date = formatBackupDate(backup.createdAt, lang);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await restoreBackup(backup.id);
      setBusy(false);
      onRestored({
        kind: 'restored',
        message: t('safety.restore.done', { date }),
        beforeRestore: result.beforeRestore,
      });
    } catch (error) {
      setBusy(false);
      setFailure(errorMessage(error, t));
    }
  };

  return (
    <BusyModal title={t('safety.restore.title')} busy={busy} onClose={onClose}>
      <Stack gap="md">
        <Text size="sm">{t('safety.restore.what', { date })}</Text>
        <Paper withBorder p="sm">
          <Text size="sm" fw={500}>
            {t('safety.restore.contents')}
          </Text>
          <Text size="sm">{formatSummary(backup.summary, lang, t)}</Text>
        </Paper>
        <Text size="sm">{mode === 'safe' ? t('safety.restore.keepDamaged') : t('safety.restore.keep')}</Text>
        {busy ? (
          <Text size="sm" c="dimmed">
            {t('safety.restore.running')}
          </Text>
        ) : null}
        <FailureAlert message={failure} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('safety.restore.cancel')}
          </Button>
          <Button color="orange" loading={busy} onClick={() => void confirm()}>
            {t('safety.restore.confirm')}
          </Button>
        </Group>
      </Stack>
    </BusyModal>
  );
}
