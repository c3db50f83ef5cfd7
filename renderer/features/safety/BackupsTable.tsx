import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../shared/rpc/safety';
import { useLanguage } from '../../app/i18n';
import { formatBytes } from '../../components/format';
import { formatBackupDate, formatSummary } from './format';

export interface BackupsTableProps {
  backups: Backup[];
  /** Offers "Restaurer" on each row when given. */
  onRestore?: (backup: Backup) => void;
  /** While another restore or backup runs. */
  disabled?: boolean;
}

/** The backups, newest first: when, why, what they hold and how large they are. */
export function BackupsTable({ backups, onRestore, disabled }: BackupsTableProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const rows = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={t('safety.backups.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('safety.backups.columns.date')}</Table.Th>
            <Table.Th>{t('safety.backups.columns.reason')}</Table.Th>
            <Table.Th>{t('safety.backups.columns.content')}</Table.Th>
            <Table.Th>{t('safety.backups.columns.size')}</Table.Th>
            {onRestore ? <Table.Th>{t('safety.backups.columns.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((backup) => {
            const date = formatBackupDate(backup.createdAt, lang);
            return (
              <Table.Tr key={backup.id}>
                <Table.Td>
                  <Text size="sm">{date}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={backup.reason === 'manual' ? 'teal' : 'gray'}>
                    {t(`safety.reason.${backup.reason}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatSummary(backup.summary, lang, t)}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(backup.sizeBytes, lang, t)}</Table.Td>
                {onRestore ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      disabled={disabled}
                      onClick={() => onRestore(backup)}
                      aria-label={t('safety.backups.restoreLabel', { date })}
                    >
                      {t('safety.backups.restore')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
