import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportLogEntry } from '../../../shared/rpc/documents';
import { errorMessage, notifyError } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { useRpc } from '../../app/rpc';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { openExportedFile } from '../documents/deliver';

/** How many of the latest exports the page shows: a year of a secretariat's work, at most. */
const LOG_LIMIT = 300;

function OpenButton({ entry }: { entry: ExportLogEntry }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (!entry.available) {
    return (
      <Text size="sm" c="dimmed">
        {t('exports.log.missing')}
      </Text>
    );
  }
  const open = async () => {
    setBusy(true);
    try {
      await openExportedFile(entry);
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="xs" variant="light" loading={busy} onClick={() => void open()} title={entry.fileName}>
      {t('exports.log.open')}
    </Button>
  );
}

/** "Journal des exports": what Concerto produced, when, where it went and for whom. */
export function ExportLogPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const log = useRpc('exports.log', { limit: LOG_LIMIT });
  const entries = log.data ?? [];

  let content: ReactNode;
  if (log.isPending) {
    content = (
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('exports.log.loading')}</Text>
      </Group>
    );
  } else if (log.isError) {
    content = <Alert color="red">{errorMessage(log.error, t)}</Alert>;
  } else if (entries.length === 0) {
    content = <EmptyState title={t('exports.log.emptyTitle')} text={t('exports.log.emptyText')} />;
  } else {
    content = (
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {entries.length >= LOG_LIMIT
            ? t('exports.log.latest', { count: entries.length })
            : t('exports.log.count', { count: entries.length })}
        </Text>
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover aria-label={t('exports.log.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exports.log.columns.at')}</Table.Th>
                <Table.Th>{t('exports.log.columns.label')}</Table.Th>
                <Table.Th>{t('exports.log.columns.fileName')}</Table.Th>
                <Table.Th>{t('exports.log.columns.format')}</Table.Th>
                <Table.Th>{t('exports.log.columns.folder')}</Table.Th>
                <Table.Th>{t('exports.log.columns.recipients')}</Table.Th>
                <Table.Th>{t('exports.log.columns.actor')}</Table.Th>
                <Table.Th>{t('exports.log.columns.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, lang)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm">{entry.label}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`exports.kind.${entry.kind}`)}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{entry.fileName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {entry.format.toUpperCase()}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    <Text size="sm">{entry.folder}</Text>
                  </Table.Td>
                  <Table.Td>
                    {entry.recipients.length > 0 ? entry.recipients.join(', ') : t('common.none')}
                  </Table.Td>
                  <Table.Td>{entry.actor || t('common.none')}</Table.Td>
                  <Table.Td>
                    <OpenButton entry={entry} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('exports.title')} subtitle={t('exports.subtitle')} />
      {content}
    </Stack>
  );
}
