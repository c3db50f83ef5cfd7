import { Alert, Badge, Button, Loader, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../../../../shared/rpc/partners';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { hrefOf, Link } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { ConfirmAction, EmptyState, formatDateTime, PageHeader } from '../../../components';
import { countsText } from '../labels';

/** "Matrices des partenaires": what was imported, by whom, and the way to undo it. */
export function ImportsPage() {
  const { t } = useTranslation();
  const history = useRpc('imports.history', { limit: 200 });

  const importButton = (
    <Button component="a" href={hrefOf('/imports/new')} size="md">
      {t('imports.history.importFile')}
    </Button>
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={t('imports.history.title')}
        subtitle={t('imports.history.subtitle')}
        actions={importButton}
      />
      {history.isLoading ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {history.error ? <Alert color="red">{errorMessage(history.error, t)}</Alert> : null}
      {history.data && history.data.length === 0 ? (
        <EmptyState
          title={t('imports.history.emptyTitle')}
          text={t('imports.history.emptyText')}
          action={importButton}
        />
      ) : null}
      {history.data && history.data.length > 0 ? <HistoryTable batches={history.data} /> : null}
    </Stack>
  );
}

function HistoryTable({ batches }: { batches: readonly Batch[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const undo = useRpcMutation('imports.undo');

  const runUndo = async (batch: Batch) => {
    await undo.mutateAsync({ batchId: batch.id });
    notifications.show({ color: 'teal', message: t('imports.history.undone'), autoClose: 4000 });
  };

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="xs" aria-label={t('imports.history.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.history.date')}</Table.Th>
            <Table.Th>{t('imports.history.file')}</Table.Th>
            <Table.Th>{t('imports.history.kind')}</Table.Th>
            <Table.Th>{t('imports.history.source')}</Table.Th>
            <Table.Th>{t('imports.history.sheet')}</Table.Th>
            <Table.Th>{t('imports.history.counts')}</Table.Th>
            <Table.Th>{t('imports.history.partner')}</Table.Th>
            <Table.Th>{t('imports.history.who')}</Table.Th>
            <Table.Th>{t('imports.history.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batches.map((batch) => (
            <Table.Tr key={batch.id} data-batch={batch.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(batch.at, lang)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ wordBreak: 'break-all' }}>
                  {batch.fileName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={batch.kind === '3w' ? 'blue' : 'grape'}>
                  {batch.kind === '3w' ? t('imports.history.kind3w') : t('imports.history.kindFollowUp')}
                </Badge>
              </Table.Td>
              <Table.Td>{t(`vocab.importSource.${batch.source}`)}</Table.Td>
              <Table.Td>{batch.sheet ?? '—'}</Table.Td>
              <Table.Td>
                <Text size="sm">{countsText(t, batch.counts)}</Text>
              </Table.Td>
              <Table.Td>
                {batch.organisation ? (
                  <Link to={`/organisations/${batch.organisation.id}`} size="sm">
                    {batch.organisation.label}
                  </Link>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{batch.actor}</Table.Td>
              <Table.Td>
                {batch.undoneAt ? (
                  <Text size="sm" c="dimmed">
                    {t('imports.history.undoneOn', {
                      date: formatDateTime(batch.undoneAt, lang),
                      who: batch.undoneBy ?? '—',
                    })}
                  </Text>
                ) : (
                  <ConfirmAction
                    label={t('imports.history.undo')}
                    title={t('imports.history.undoTitle')}
                    message={t('imports.history.undoMessage', { file: batch.fileName })}
                    confirmLabel={t('imports.history.undoConfirm')}
                    size="xs"
                    onConfirm={() => runUndo(batch)}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
