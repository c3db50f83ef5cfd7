import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr, foldForSearch } from '../../../shared/domain/text';
import {
  INTERVENTION_ROLES,
  INTERVENTION_STATUSES,
  ORGANISATION_KINDS,
  SECTORS,
  SYNONYM_KINDS,
  type SynonymKind,
} from '../../../shared/domain/vocabularies';
import { applyServerErrors, errorMessage, notifyError, notifySaved } from '../../app/errors';
import { useRpc, useRpcMutation } from '../../app/rpc';

/** The codes a term of each list can stand for, and where their labels live. */
const VALUES: Record<SynonymKind, { codes: readonly string[]; vocab: string }> = {
  sector: { codes: SECTORS, vocab: 'sector' },
  organisation_kind: { codes: ORGANISATION_KINDS, vocab: 'organisationKind' },
  intervention_status: { codes: INTERVENTION_STATUSES, vocab: 'interventionStatus' },
  intervention_role: { codes: INTERVENTION_ROLES, vocab: 'interventionRole' },
};

function isKind(v: string | null): v is SynonymKind {
  return (SYNONYM_KINDS as readonly (string | null)[]).includes(v);
}

/**
 * "Listes de correspondance": the words partners use for sectors, organisation types, statuses
 * and roles. Built-in entries are shown for reference; the user's own can be added and removed.
 */
export function SynonymsEditor() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SynonymKind>('sector');
  const [filter, setFilter] = useState('');
  const list = useRpc('synonyms.list', { kind });
  const save = useRpcMutation('synonyms.save');
  const remove = useRpcMutation('synonyms.remove');
  const form = useForm<{ term: string; value: string | null }>({
    initialValues: { term: '', value: null },
    validate: {
      term: (v) => (v.trim() === '' ? t('errors.field.required') : null),
      value: (v) => (v ? null : t('errors.field.required')),
    },
  });

  const { codes, vocab } = VALUES[kind];
  const valueLabel = (code: string) => t(`vocab.${vocab}.${code}`, { defaultValue: code });
  const folded = foldForSearch(filter);
  const rows = [...(list.data ?? [])]
    .filter((s) => folded === '' || foldForSearch(`${s.term} ${valueLabel(s.value)}`).includes(folded))
    // The user's own first: they are the ones that can be changed.
    .sort((a, b) => Number(a.builtIn) - Number(b.builtIn) || compareFr(a.term, b.term));

  const add = form.onSubmit(async (values) => {
    if (!values.value) return;
    try {
      await save.mutateAsync({ kind, term: values.term.trim(), value: values.value });
      notifySaved(t, t('partners.synonyms.added'));
      form.reset();
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  const drop = async (term: string) => {
    try {
      await remove.mutateAsync({ kind, term });
      notifySaved(t, t('partners.synonyms.removed'));
    } catch (error) {
      notifyError(error, t);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-label={t('partners.synonyms.title')}>
      <Title order={3}>{t('partners.synonyms.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('partners.synonyms.hint')}
      </Text>
      <Select
        label={t('partners.synonyms.kind')}
        data={SYNONYM_KINDS.map((k) => ({ value: k, label: t(`vocab.synonymKind.${k}`) }))}
        value={kind}
        onChange={(k) => {
          if (isKind(k)) {
            setKind(k);
            form.reset();
          }
        }}
        allowDeselect={false}
        maw={360}
      />
      <form onSubmit={add} noValidate>
        <Group align="flex-start" gap="sm">
          <TextInput label={t('partners.synonyms.term')} required maw={260} {...form.getInputProps('term')} />
          <Select
            label={t('partners.synonyms.value')}
            required
            searchable
            data={codes
              .map((c) => ({ value: c, label: valueLabel(c) }))
              .sort((a, b) => compareFr(a.label, b.label))}
            maw={320}
            {...form.getInputProps('value')}
          />
          <Button type="submit" mt={25} loading={save.isPending}>
            {t('partners.synonyms.add')}
          </Button>
        </Group>
      </form>
      <TextInput
        label={t('partners.synonyms.filter')}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        maw={360}
      />
      {list.isLoading ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : list.error ? (
        <Alert color="red">{errorMessage(list.error, t)}</Alert>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {t('partners.synonyms.count', { count: rows.length })}
          </Text>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('partners.synonyms.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={480} mah={360}>
              <Table striped stickyHeader aria-label={t('partners.synonyms.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('partners.synonyms.term')}</Table.Th>
                    <Table.Th>{t('partners.synonyms.value')}</Table.Th>
                    <Table.Th>{t('partners.synonyms.origin')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((s) => (
                    <Table.Tr key={`${s.builtIn ? 'b' : 'u'}:${s.term}`}>
                      <Table.Td>{s.term}</Table.Td>
                      <Table.Td>{valueLabel(s.value)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={s.builtIn ? 'gray' : 'blue'} tt="none">
                          {s.builtIn ? t('partners.synonyms.builtIn') : t('partners.synonyms.user')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {s.builtIn ? null : (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('partners.synonyms.removeLabel', { term: s.term })}
                            onClick={() => void drop(s.term)}
                          >
                            {t('partners.synonyms.remove')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
