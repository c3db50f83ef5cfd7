import { Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/domain/dates';
import { CONVENTION_ELEMENTS, type ConventionStatus } from '../../../shared/domain/vocabularies';
import type { Convention } from '../../../shared/rpc/partners';
import { notifySaved } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { useRpc, useRpcMutation } from '../../app/rpc';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ListState } from '../../components/ListState';
import { ConventionModal } from './ConventionModal';

export function conventionStatusColor(status: ConventionStatus): string {
  switch (status) {
    case 'in_force':
      return 'teal';
    case 'renewing':
      return 'yellow';
    case 'expired':
      return 'gray';
    case 'revoked':
      return 'red';
  }
}

/** The partner's conventions: what they are, when they end, whether the seven elements are there. */
export function ConventionsTab({
  organisationId,
  readOnly = false,
}: {
  organisationId: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useRpc('conventions.list', { organisationId });
  const trash = useRpcMutation('conventions.trash');
  // undefined: closed; null: creating; a convention: editing it.
  const [editing, setEditing] = useState<Convention | null | undefined>(undefined);

  const name = (c: Convention) => c.reference ?? t(`vocab.conventionKind.${c.kind}`);
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : '—');

  return (
    <Stack gap="sm">
      {readOnly ? null : (
        <Group justify="flex-end">
          <Button size="xs" variant="light" onClick={() => setEditing(null)}>
            {t('partners.conventions.add')}
          </Button>
        </Group>
      )}
      <ListState query={list} empty={t('partners.conventions.empty')}>
        {(rows) => (
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label={t('partners.conventions.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('partners.conventions.columns.kind')}</Table.Th>
                  <Table.Th>{t('partners.conventions.columns.reference')}</Table.Th>
                  <Table.Th>{t('partners.conventions.columns.signed')}</Table.Th>
                  <Table.Th>{t('partners.conventions.columns.end')}</Table.Th>
                  <Table.Th>{t('partners.conventions.columns.status')}</Table.Th>
                  <Table.Th>{t('partners.conventions.columns.elements')}</Table.Th>
                  {readOnly ? null : <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => {
                  const missing = CONVENTION_ELEMENTS.filter((e) => !c.elements.includes(e));
                  const count = t('partners.conventions.elementsCount', {
                    count: c.elements.length,
                    total: CONVENTION_ELEMENTS.length,
                  });
                  return (
                    <Table.Tr key={c.id}>
                      <Table.Td>{t(`vocab.conventionKind.${c.kind}`)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{c.reference ?? t('partners.conventions.noReference')}</Text>
                        {c.title ? (
                          <Text size="xs" c="dimmed">
                            {c.title}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{date(c.signedOn)}</Table.Td>
                      <Table.Td>{date(c.endDate)}</Table.Td>
                      <Table.Td>
                        <Badge color={conventionStatusColor(c.status)} variant="light" tt="none">
                          {t(`vocab.conventionStatus.${c.status}`)}
                        </Badge>
                        {c.status === 'revoked' && c.revocationReason ? (
                          <Text size="xs" c="dimmed">
                            {t('partners.conventions.revoked', {
                              date: date(c.revokedOn),
                              reason: c.revocationReason,
                            })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {missing.length === 0 ? (
                          <Badge color="teal" variant="light">
                            {count}
                          </Badge>
                        ) : (
                          <Tooltip
                            label={t('partners.conventions.elementsMissing', {
                              list: missing.map((e) => t(`vocab.conventionElement.${e}`)).join(', '),
                            })}
                            multiline
                            w={280}
                          >
                            <Badge color="orange" variant="light">
                              {count}
                            </Badge>
                          </Tooltip>
                        )}
                      </Table.Td>
                      {readOnly ? null : (
                        <Table.Td>
                          <Group gap={6} wrap="nowrap" justify="flex-end">
                            <Button
                              size="xs"
                              variant="subtle"
                              aria-label={t('partners.conventions.editLabel', { name: name(c) })}
                              onClick={() => setEditing(c)}
                            >
                              {t('partners.conventions.edit')}
                            </Button>
                            <ConfirmAction
                              size="xs"
                              variant="subtle"
                              label={t('partners.conventions.trash')}
                              title={t('partners.conventions.trashTitle')}
                              message={t('partners.conventions.trashMessage')}
                              onConfirm={async () => {
                                await trash.mutateAsync({ id: c.id });
                                notifySaved(t, t('partners.conventions.trashDone'));
                              }}
                            />
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
      {editing !== undefined ? (
        <ConventionModal
          key={editing?.id ?? 'new'}
          organisationId={organisationId}
          convention={editing}
          opened
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </Stack>
  );
}
