import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { type RestoreOutcome, useRestore } from './restore';

/**
 * Said after a restore, with "Annuler la restauration": the copy taken just before is put back.
 * Undoing takes its own copy too, but offering to undo the undo would only confuse.
 */
export function RestoreNotice({
  outcome,
  onUndone,
  onDismiss,
}: {
  outcome: RestoreOutcome;
  onUndone: (outcome: RestoreOutcome) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const { restoreBackup } = useRestore();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const before = outcome.kind === 'restored' ? outcome.beforeRestore : null;

  const undo = async () => {
    if (!before) return;
    setBusy(true);
    setFailure(null);
    try {
      await restoreBackup(before.id);
      setBusy(false);
      onUndone({ kind: 'undone', message: t('safety.restore.undone'), beforeRestore: null });
    } catch (error) {
      setBusy(false);
      setFailure(errorMessage(error, t));
    }
  };

  return (
    <Alert
      color="teal"
      role="status"
      title={outcome.kind === 'undone' ? t('safety.restore.undoneTitle') : t('safety.restore.doneTitle')}
      withCloseButton={!busy}
      onClose={onDismiss}
      closeButtonLabel={t('safety.restore.dismiss')}
    >
      <Stack gap="xs">
        <Text size="sm">{outcome.message}</Text>
        {before ? (
          <Group gap="sm">
            <Text size="sm">{t('safety.restore.undoHint')}</Text>
            <Button size="xs" variant="white" color="orange" loading={busy} onClick={() => void undo()}>
              {t('safety.restore.undo')}
            </Button>
          </Group>
        ) : null}
        {failure ? (
          <Text size="sm" c="red" role="alert">
            {failure}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
