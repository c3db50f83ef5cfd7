import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import { errorMessage } from '../../../app/errors';
import { Link, navigate } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { DemoBadge } from '../../../components/DemoBadge';
import { EmptyState } from '../../../components/EmptyState';
import { OrganisationPicker } from '../../../components/OrganisationPicker';
import { PageHeader } from '../../../components/PageHeader';
import { ExportSpreadsheetButton } from '../../exports/ExportSpreadsheetButton';
import { personName } from '../personName';

/** The directory of people: filter by words (accents ignored by the backend) and by organisation. */
export function PeoplePage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [debouncedText] = useDebouncedValue(text.trim(), 250);
  const filtered = debouncedText !== '' || organisationId !== null;

  const list = useRpc(
    'people.list',
    { ...(debouncedText ? { text: debouncedText } : {}), ...(organisationId ? { organisationId } : {}) },
    { placeholderData: keepPreviousData },
  );

  const rows = useMemo(
    () =>
      [...(list.data ?? [])].sort(
        (a, b) => compareFr(a.lastName, b.lastName) || compareFr(a.firstName, b.firstName),
      ),
    [list.data],
  );

  const newButton = <Button onClick={() => navigate('/people/new')}>{t('people.list.new')}</Button>;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('people.list.title')}
        subtitle={t('people.list.subtitle')}
        actions={
          <>
            <ExportSpreadsheetButton
              request={{
                kind: 'peopleDirectory',
                ...(debouncedText ? { text: debouncedText } : {}),
                ...(organisationId ? { organisationId } : {}),
              }}
            />
            {newButton}
          </>
        }
      />
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('people.list.search')}
          placeholder={t('people.list.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={320}
        />
        <div style={{ width: 320 }}>
          <OrganisationPicker
            label={t('people.list.organisationFilter')}
            value={organisationId}
            onChange={setOrganisationId}
          />
        </div>
      </Group>

      {list.isPending ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('people.list.loading')}</Text>
        </Group>
      ) : list.isError ? (
        <Alert color="red">{errorMessage(list.error, t)}</Alert>
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState title={t('people.list.noMatchTitle')} text={t('people.list.noMatchText')} />
        ) : (
          <EmptyState
            title={t('people.list.emptyTitle')}
            text={t('people.list.emptyText')}
            action={newButton}
          />
        )
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('people.list.count', { count: rows.length })}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.list.columns.name')}</Table.Th>
                  <Table.Th>{t('people.list.columns.function')}</Table.Th>
                  <Table.Th>{t('people.list.columns.organisation')}</Table.Th>
                  <Table.Th>{t('people.list.columns.email')}</Table.Th>
                  <Table.Th>{t('people.list.columns.phone')}</Table.Th>
                  <Table.Th>{t('people.list.columns.sex')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Link to={`/people/${p.id}`}>{personName(p)}</Link>
                        {p.isDemo ? <DemoBadge /> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{p.function ?? ''}</Table.Td>
                    <Table.Td>
                      {p.organisation ? (
                        <Link to={`/organisations/${p.organisation.id}`}>{p.organisation.label}</Link>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {p.email ? <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor> : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.phone ?? ''}</Table.Td>
                    <Table.Td>{p.sex ? t(`vocab.sex.${p.sex}`) : ''}</Table.Td>
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
