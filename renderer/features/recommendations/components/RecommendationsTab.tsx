import { Alert, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/errors';
import { Link } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { CreateRecommendationModal } from '../../minutes/CreateRecommendationModal';
import { registerPath } from '../register';
import { ImplementationRate } from './ImplementationRate';
import { RegisterTable } from './RegisterTable';
import { RecentTimeline } from './Timeline';

export type RecommendationsTabProps =
  | { bodyId: string; readOnly?: boolean }
  | { organisationId: string; readOnly?: boolean };

const OVERDUE_LIMIT = 20;

/**
 * The recommendations of one body (its own) or one organisation (as lead or associate): the
 * implementation rate (réalisées / échues), what is overdue, what moved lately, and the register
 * opened on it.
 */
export function RecommendationsTab(props: RecommendationsTabProps) {
  const { t } = useTranslation();
  const bodyId = 'bodyId' in props ? props.bodyId : null;
  const organisationId = 'organisationId' in props ? props.organisationId : null;
  const filter = bodyId ? { bodyIds: [bodyId] } : { organisationId: organisationId ?? '' };
  const rate = useRpc('recommendations.rate', filter);
  const [creating, setCreating] = useState(false);
  const overdue = useRpc('recommendations.list', {
    ...filter,
    overdue: true,
    sort: 'due_date',
    direction: 'asc',
    limit: OVERDUE_LIMIT,
  });
  const registerLink = bodyId ? registerPath({ bodyIds: [bodyId] }) : registerPath({ organisationId });
  const overdueLink = bodyId
    ? registerPath({ bodyIds: [bodyId], overdue: true })
    : registerPath({ organisationId, overdue: true });

  const overdueRows = overdue.data?.rows ?? [];
  const overdueTotal = overdue.data?.total ?? 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm">
        <Link to={registerLink}>{t('recommendations.tab.openRegister')}</Link>
        {bodyId && !props.readOnly ? (
          <Button size="xs" variant="light" onClick={() => setCreating(true)}>
            {t('recommendations.list.new')}
          </Button>
        ) : null}
      </Group>
      {rate.error ? (
        <Alert color="red">{errorMessage(rate.error, t)}</Alert>
      ) : (
        <ImplementationRate rate={rate.data} loading={rate.isLoading} />
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="xs">
            <Title order={4}>{t('recommendations.tab.overdueTitle')}</Title>
            {overdue.isLoading ? (
              <Loader size="sm" aria-label={t('common.loading')} />
            ) : overdue.error ? (
              <Alert color="red">{errorMessage(overdue.error, t)}</Alert>
            ) : overdueRows.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('recommendations.tab.noOverdue')}
              </Text>
            ) : (
              <>
                <RegisterTable
                  rows={overdueRows}
                  label={t('recommendations.tab.overdueTitle')}
                  hideBody={bodyId !== null}
                />
                {overdueTotal > overdueRows.length ? (
                  <Link to={overdueLink} size="sm">
                    {t('recommendations.tab.moreOverdue', { count: overdueTotal })}
                  </Link>
                ) : null}
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="xs">
            <Title order={4}>{t('recommendations.tab.recentTitle')}</Title>
            <RecentTimeline filter={filter} />
          </Stack>
        </Grid.Col>
      </Grid>
      {bodyId ? (
        // The quick entry of the minutes; the full form stays one click away in the register.
        <CreateRecommendationModal opened={creating} onClose={() => setCreating(false)} bodyId={bodyId} />
      ) : null}
    </Stack>
  );
}
