import { Badge, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import type { BodyListItem } from '../../../../shared/rpc/bodies';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';

/** The bodies in rows; the name and the acronym open the body's page. */
export function BodyTable({ bodies }: { bodies: BodyListItem[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR');
  // French order (accents and case aside), whatever order the rows arrive in.
  const rows = useMemo(
    () =>
      [...bodies].sort((a, b) => compareFr(a.name, b.name) || compareFr(a.acronym ?? '', b.acronym ?? '')),
    [bodies],
  );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('bodies.list.columns.acronym')}</Table.Th>
            <Table.Th>{t('bodies.list.columns.name')}</Table.Th>
            <Table.Th>{t('bodies.list.columns.kind')}</Table.Th>
            <Table.Th>{t('bodies.list.columns.level')}</Table.Th>
            <Table.Th>{t('bodies.list.columns.territory')}</Table.Th>
            <Table.Th ta="right">{t('bodies.list.columns.seats')}</Table.Th>
            <Table.Th>{t('bodies.list.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((body) => (
            <Table.Tr key={body.id}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {body.acronym ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Link to={`/bodies/${body.id}`} size="sm">
                  {body.name}
                </Link>
              </Table.Td>
              <Table.Td>{t(`vocab.bodyKind.${body.kind}`)}</Table.Td>
              <Table.Td>{t(`vocab.bodyLevel.${body.level}`)}</Table.Td>
              <Table.Td>{body.territory?.label ?? <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td ta="right">{number.format(body.seatCount)}</Table.Td>
              <Table.Td>
                <Badge color={body.status === 'closed' ? 'gray' : 'teal'} variant="light" size="sm">
                  {t(`vocab.bodyStatus.${body.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
