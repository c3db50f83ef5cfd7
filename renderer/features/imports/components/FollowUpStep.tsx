import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Batch, FollowUpRowSchema } from '../../../../shared/rpc/partners';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { formatLongDate, OrganisationPicker } from '../../../components';

type Row = z.infer<typeof FollowUpRowSchema>;
type State = Row['state'];

const STATES: readonly State[] = ['apply', 'unchanged', 'conflict', 'reject'];
const STATE_COLOR: Record<State, string> = {
  apply: 'teal',
  unchanged: 'gray',
  conflict: 'orange',
  reject: 'red',
};

/** Step 2b: a returned follow-up matrix updates its recommendations; conflicts are decided here. */
export function FollowUpStep({ stagedId }: { stagedId: string }) {
  const { t } = useTranslation();
  const preview = useRpc('imports.followUpPreview', { stagedId });
  const commit = useRpcMutation('imports.followUpCommit');
  const [override, setOverride] = useState<Set<string>>(() => new Set());
  // undefined: the partner the backend recognised; null: none chosen.
  const [organisationId, setOrganisationId] = useState<string | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<Batch | null>(null);

  if (done) {
    return (
      <Alert color="teal" role="status" title={t('imports.followUp.done', { count: done.counts.update })}>
        <Group gap="md">
          <Link to="/imports">{t('imports.preview.seeHistory')}</Link>
          <Link to="/recommendations">{t('imports.followUp.seeRecommendations')}</Link>
        </Group>
      </Alert>
    );
  }
  if (preview.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (preview.error) return <Alert color="red">{errorMessage(preview.error, t)}</Alert>;
  const data = preview.data;
  if (!data) return null;

  const partner = organisationId === undefined ? (data.organisation?.id ?? null) : organisationId;
  const conflicts = data.rows.filter((r) => r.state === 'conflict' && r.recommendationId);
  const chosen = conflicts.filter((r) => r.recommendationId && override.has(r.recommendationId)).length;
  const toApply = data.counts.apply + chosen;

  const save = async () => {
    setFailure(null);
    try {
      const batch = await commit.mutateAsync({
        stagedId,
        overrideConflicts: [...override],
        organisationId: partner,
      });
      setDone(batch);
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  };

  const toggle = (id: string, on: boolean) =>
    setOverride((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Stack gap="md">
      <Alert color="blue">{t('imports.followUp.intro')}</Alert>
      <OrganisationPicker
        label={t('imports.followUp.partner')}
        description={t('imports.followUp.partnerHint')}
        value={partner}
        onChange={setOrganisationId}
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {STATES.map((state) => (
          <Paper key={state} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`imports.followUp.${state}`)}
            </Text>
            <Text size="xl" fw={700} c={STATE_COLOR[state]} data-count={state}>
              {data.counts[state]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {conflicts.length > 0 ? (
        <Alert color="orange" title={t('imports.followUp.conflictsTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('imports.followUp.conflictsText')}</Text>
            {conflicts.map((r) => {
              const id = r.recommendationId ?? '';
              return (
                <Checkbox
                  key={`${r.sheet}-${r.row}`}
                  checked={override.has(id)}
                  onChange={(event) => toggle(id, event.currentTarget.checked)}
                  label={t('imports.followUp.overrideFor', { reference: r.reference })}
                />
              );
            })}
          </Stack>
        </Alert>
      ) : null}
      <Title order={4}>{t('imports.wizard.steps.followUp')}</Title>
      <RowsTable rows={data.rows} />
      {failure ? (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      ) : null}
      {toApply === 0 ? (
        <Text size="sm" c="dimmed">
          {t('imports.followUp.nothing')}
        </Text>
      ) : null}
      <Group>
        <Button size="md" onClick={() => void save()} loading={commit.isPending} disabled={toApply === 0}>
          {t('imports.followUp.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function RowsTable({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const status = (s: { status: string; progress: number }) =>
    t('imports.followUp.progressValue', {
      status: t(`vocab.recommendationStatus.${s.status}`),
      progress: s.progress,
    });
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={4} striped aria-label={t('imports.wizard.steps.followUp')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.preview.row')}</Table.Th>
            <Table.Th>{t('imports.followUp.reference')}</Table.Th>
            <Table.Th>{t('imports.followUp.text')}</Table.Th>
            <Table.Th>{t('imports.followUp.current')}</Table.Th>
            <Table.Th>{t('imports.followUp.proposed')}</Table.Th>
            <Table.Th>{t('imports.followUp.state')}</Table.Th>
            <Table.Th>{t('imports.followUp.reasons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.sheet}-${r.row}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.reference}</Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={3}>
                  {r.text}
                </Text>
              </Table.Td>
              <Table.Td>{r.current ? status(r.current) : '—'}</Table.Td>
              <Table.Td>
                {r.proposed ? (
                  <Stack gap={2}>
                    <Text size="sm">{status(r.proposed)}</Text>
                    {r.proposed.comment ? (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {t('imports.followUp.comment', { comment: r.proposed.comment })}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {t('imports.followUp.date', { date: formatLongDate(r.proposed.date, lang) })}
                    </Text>
                  </Stack>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATE_COLOR[r.state]}>
                  {t(`imports.followUp.states.${r.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.reasons.map((reason) => (
                  <Text key={`${reason.row}-${reason.column ?? ''}-${reason.message}`} size="xs">
                    {reason.message}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
