import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { hrefOf, navigate } from '../../../app/router';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DemoBadge } from '../../../components/DemoBadge';
import { HistoryPanel } from '../../../components/HistoryPanel';
import { PageHeader } from '../../../components/PageHeader';
import { DocumentsPanel } from '../../documents/DocumentsPanel';
import { BodyMeetingsTab } from '../../planning/components/BodyMeetingsTab';
import { RecommendationsTab } from '../../recommendations/components/RecommendationsTab';
import { BodyFacts } from '../components/BodyFacts';
import { Composition } from '../components/Composition';
import { DateField } from '../components/DateField';
import { todayIso } from '../components/dates';
import { bodyTitle } from '../components/labels';

/** One body: its fact sheet, its composition over time and its history. */
export function BodyPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useRpc('bodies.get', { id });
  const close = useRpcMutation('bodies.close');
  const reopen = useRpcMutation('bodies.reopen');
  const trash = useRpcMutation('bodies.trash');
  const restore = useRpcMutation('bodies.restore');
  const [tab, setTab] = useState<string | null>('facts');
  const [closedOn, setClosedOn] = useState<string | null>(() => todayIso());

  const back = { to: '/bodies', label: t('bodies.detail.backToList') };
  if (query.isLoading) return <Loader size="sm" aria-label={t('bodies.detail.loading')} />;
  if (query.error || !query.data) {
    return (
      <Stack gap="md">
        <PageHeader title={t('bodies.detail.notFound')} back={back} />
        <Alert color="red">{errorMessage(query.error, t)}</Alert>
      </Stack>
    );
  }
  const body = query.data;
  const trashed = body.deletedAt !== null;

  const doReopen = async () => {
    try {
      await reopen.mutateAsync({ id });
      notifySaved(t, t('bodies.detail.reopened'));
    } catch (error) {
      notifyError(error, t);
    }
  };
  const doRestore = async () => {
    try {
      await restore.mutateAsync({ id });
      notifySaved(t, t('bodies.detail.restored'));
    } catch (error) {
      notifyError(error, t);
    }
  };

  const actions = trashed ? (
    <Button onClick={() => void doRestore()} loading={restore.isPending}>
      {t('bodies.detail.restore')}
    </Button>
  ) : (
    <>
      <Button component="a" href={hrefOf(`/bodies/${id}/edit`)}>
        {t('bodies.detail.edit')}
      </Button>
      {body.status === 'active' ? (
        <ConfirmAction
          label={t('bodies.detail.close')}
          title={t('bodies.detail.closeTitle')}
          color="orange"
          withReason={{ label: t('bodies.detail.closeReason') }}
          message={
            <Stack gap="sm">
              <Text size="sm">{t('bodies.detail.closeMessage')}</Text>
              <DateField
                label={t('bodies.detail.closeDate')}
                value={closedOn}
                onChange={setClosedOn}
                required
              />
            </Stack>
          }
          onConfirm={async (reason) => {
            await close.mutateAsync({ id, reason, closedOn: closedOn ?? todayIso() });
            notifySaved(t, t('bodies.detail.closedDone'));
          }}
        />
      ) : (
        <Button variant="light" onClick={() => void doReopen()} loading={reopen.isPending}>
          {t('bodies.detail.reopen')}
        </Button>
      )}
      <ConfirmAction
        label={t('bodies.detail.trash')}
        title={t('bodies.detail.trashTitle')}
        message={t('bodies.detail.trashMessage')}
        onConfirm={async () => {
          await trash.mutateAsync({ id });
          notifySaved(t, t('bodies.detail.trashed'));
          navigate('/bodies');
        }}
      />
    </>
  );

  const subtitle = (
    <Group gap="xs" mt={4}>
      <Badge variant="light">{t(`vocab.bodyKind.${body.kind}`)}</Badge>
      <Badge variant="light" color="blue">
        {t(`vocab.bodyLevel.${body.level}`)}
      </Badge>
      <Badge variant="light" color={body.status === 'closed' ? 'gray' : 'teal'}>
        {t(`vocab.bodyStatus.${body.status}`)}
      </Badge>
      {body.isDemo ? <DemoBadge /> : null}
      {trashed ? (
        <Badge color="red" variant="light">
          {t('bodies.detail.inTrash')}
        </Badge>
      ) : null}
    </Group>
  );

  return (
    <Stack gap="md">
      <PageHeader title={bodyTitle(body)} subtitle={subtitle} actions={actions} back={back} />
      {trashed ? <Alert color="red">{t('bodies.detail.trashedNotice')}</Alert> : null}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="facts">{t('bodies.detail.tabFacts')}</Tabs.Tab>
          <Tabs.Tab value="composition">{t('bodies.detail.tabComposition')}</Tabs.Tab>
          <Tabs.Tab value="meetings">{t('planning.bodyTab.tab')}</Tabs.Tab>
          <Tabs.Tab value="recommendations">{t('recommendations.tab.tab')}</Tabs.Tab>
          <Tabs.Tab value="documents">{t('documents.tab')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('bodies.detail.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="facts" pt="md">
          <BodyFacts body={body} />
        </Tabs.Panel>
        <Tabs.Panel value="composition" pt="md">
          <Composition body={body} readOnly={trashed} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <BodyMeetingsTab bodyId={body.id} readOnly={trashed} />
        </Tabs.Panel>
        <Tabs.Panel value="recommendations" pt="md">
          <RecommendationsTab bodyId={body.id} readOnly={trashed} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsPanel bodyId={body.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel entityType="body" entityId={body.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
