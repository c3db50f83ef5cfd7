import { Alert, Button, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../../shared/domain/vocabularies';
import { errorMessage } from '../../../app/errors';
import { Link, navigate } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { DemoBadge } from '../../../components/DemoBadge';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { ExportSpreadsheetButton } from '../../exports/ExportSpreadsheetButton';

function isKind(value: string | null): value is OrganisationKind {
  return value !== null && (ORGANISATION_KINDS as readonly string[]).includes(value);
}

/** The directory of organisations: filter by words (accents ignored by the backend) and by type. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<OrganisationKind | null>(null);
  const [debouncedText] = useDebouncedValue(text.trim(), 250);
  const filtered = debouncedText !== '' || kind !== null;

  const list = useRpc(
    'organisations.list',
    { ...(debouncedText ? { text: debouncedText } : {}), ...(kind ? { kind } : {}) },
    { placeholderData: keepPreviousData },
  );
  // The whole directory gives the names of parent organisations, which a filtered list may omit.
  const all = useRpc('organisations.list', {});
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const o of all.data ?? []) map.set(o.id, o.acronym ?? o.name);
    return map;
  }, [all.data]);

  const rows = useMemo(() => [...(list.data ?? [])].sort((a, b) => compareFr(a.name, b.name)), [list.data]);

  const newButton = (
    <Button onClick={() => navigate('/organisations/new')}>{t('organisations.list.new')}</Button>
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={t('organisations.list.title')}
        subtitle={t('organisations.list.subtitle')}
        actions={
          <>
            <ExportSpreadsheetButton
              request={{
                kind: 'organisationsDirectory',
                ...(debouncedText ? { text: debouncedText } : {}),
                ...(kind ? { organisationKind: kind } : {}),
              }}
            />
            {newButton}
          </>
        }
      />
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('organisations.list.search')}
          placeholder={t('organisations.list.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={320}
        />
        <Select
          label={t('organisations.list.kindFilter')}
          placeholder={t('organisations.list.allKinds')}
          data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`vocab.organisationKind.${k}`) }))}
          value={kind}
          onChange={(value) => setKind(isKind(value) ? value : null)}
          clearable
          w={280}
        />
      </Group>

      {list.isPending ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('organisations.list.loading')}</Text>
        </Group>
      ) : list.isError ? (
        <Alert color="red">{errorMessage(list.error, t)}</Alert>
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('organisations.list.noMatchTitle')}
            text={t('organisations.list.noMatchText')}
          />
        ) : (
          <EmptyState
            title={t('organisations.list.emptyTitle')}
            text={t('organisations.list.emptyText')}
            action={newButton}
          />
        )
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('organisations.list.count', { count: rows.length })}
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('organisations.list.columns.acronym')}</Table.Th>
                  <Table.Th>{t('organisations.list.columns.name')}</Table.Th>
                  <Table.Th>{t('organisations.list.columns.kind')}</Table.Th>
                  <Table.Th>{t('organisations.list.columns.parent')}</Table.Th>
                  <Table.Th ta="right">{t('organisations.list.columns.people')}</Table.Th>
                  <Table.Th ta="right">{t('organisations.list.columns.seats')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{o.acronym ?? ''}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                        {o.isDemo ? <DemoBadge /> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{t(`vocab.organisationKind.${o.kind}`)}</Table.Td>
                    <Table.Td>
                      {o.parentId ? (
                        <Link to={`/organisations/${o.parentId}`}>{names.get(o.parentId) ?? '…'}</Link>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{o.peopleCount}</Table.Td>
                    <Table.Td ta="right">{o.seatCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
