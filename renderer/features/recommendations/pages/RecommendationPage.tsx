import { Alert, Badge, Button, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canUpdate } from '../../../../shared/domain/recommendationStatus';
import type { Recommendation } from '../../../../shared/rpc/recommendations';
import { errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { Link, navigate } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DemoBadge } from '../../../components/DemoBadge';
import { formatLongDate } from '../../../components/format';
import { HistoryPanel } from '../../../components/HistoryPanel';
import { PageHeader } from '../../../components/PageHeader';
import { DetailFields } from '../../organisations/components/DetailFields';
import {
  OverdueBadge,
  ProgressCell,
  RecommendationStatusBadge,
} from '../components/RecommendationStatusBadge';
import { StatusUpdateModal } from '../components/StatusUpdateModal';
import { Timeline } from '../components/Timeline';

/** The agenda item a recommendation came from, by its title (fetched with the meeting's agenda). */
function AgendaItemTitle({ meetingId, entryId }: { meetingId: string; entryId: string }) {
  const agenda = useRpc('agenda.get', { meetingId });
  const entry = agenda.data?.entries.find((e) => e.id === entryId);
  return entry ? (
    <Text span inherit>
      {entry.title}
    </Text>
  ) : null;
}

/** "Réunion · GTGPS — Session ordinaire n°3 · Point : Suivi des recommandations". */
function Origin({ rec }: { rec: Recommendation }) {
  const { t } = useTranslation();
  const parts: { key: string; node: ReactNode }[] = [
    {
      key: 'kind',
      node: (
        <Text span inherit fw={500}>
          {t(`vocab.recommendationOrigin.${rec.originKind}`)}
        </Text>
      ),
    },
  ];
  if (rec.originMeeting) {
    parts.push({
      key: 'meeting',
      node: <Link to={`/meetings/${rec.originMeeting.id}`}>{rec.originMeeting.label}</Link>,
    });
    if (rec.originAgendaEntryId) {
      parts.push({
        key: 'item',
        node: (
          <Text span inherit>
            {t('recommendations.detail.agendaItem')}{' '}
            <AgendaItemTitle meetingId={rec.originMeeting.id} entryId={rec.originAgendaEntryId} />
          </Text>
        ),
      });
    }
  }
  if (rec.originWorkingGroup) {
    parts.push({
      key: 'group',
      node: (
        <Text span inherit>
          {t('recommendations.detail.workingGroup', { theme: rec.originWorkingGroup.label })}
        </Text>
      ),
    });
  }
  return (
    <Group gap={6} wrap="wrap">
      {parts.map((part, i) => (
        <Group key={part.key} gap={6} wrap="nowrap">
          {i > 0 ? (
            <Text span c="dimmed">
              ·
            </Text>
          ) : null}
          {part.node}
        </Group>
      ))}
    </Group>
  );
}

/** Transmits to the parent body, when there is one: a linked copy there, with its own reference. */
function TransmitAction({ rec }: { rec: Recommendation }) {
  const { t } = useTranslation();
  const body = useRpc('bodies.get', { id: rec.body.id });
  const transmit = useRpcMutation('recommendations.transmit');
  const parent = body.data?.parent ?? null;
  if (!parent) return null;
  const already = rec.transmittedTo.some((to) => to.body.id === parent.id);
  if (already) return null;
  return (
    <ConfirmAction
      label={t('recommendations.detail.transmit')}
      title={t('recommendations.detail.transmitTitle')}
      message={t('recommendations.detail.transmitMessage', {
        reference: rec.reference,
        parent: parent.label,
      })}
      confirmLabel={t('recommendations.detail.transmitConfirm')}
      color="teal"
      onConfirm={async () => {
        const copy = await transmit.mutateAsync({ id: rec.id, toBodyId: parent.id });
        notifySaved(
          t,
          t('recommendations.detail.transmitted', { reference: copy.reference, parent: parent.label }),
        );
      }}
    />
  );
}

function Facts({ rec }: { rec: Recommendation }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <DetailFields
      rows={[
        { label: t('recommendations.form.reference'), value: rec.reference },
        { label: t('recommendations.form.kind'), value: t(`vocab.recommendationKind.${rec.kind}`) },
        { label: t('recommendations.form.text'), value: rec.text },
        { label: t('recommendations.form.theme'), value: rec.theme },
        {
          label: t('recommendations.form.body'),
          value: <Link to={`/bodies/${rec.body.id}`}>{rec.body.label}</Link>,
        },
        { label: t('recommendations.detail.origin'), value: <Origin rec={rec} /> },
        {
          label: t('recommendations.form.lead'),
          value: rec.leadOrganisation ? (
            <Link to={`/organisations/${rec.leadOrganisation.id}`}>{rec.leadOrganisation.label}</Link>
          ) : null,
        },
        {
          label: t('recommendations.form.associated'),
          value:
            rec.associatedOrganisations.length > 0 ? (
              <Group gap="xs">
                {rec.associatedOrganisations.map((o) => (
                  <Link key={o.id} to={`/organisations/${o.id}`}>
                    {o.label}
                  </Link>
                ))}
              </Group>
            ) : null,
        },
        {
          label: t('recommendations.form.person'),
          value: rec.person ? <Link to={`/people/${rec.person.id}`}>{rec.person.label}</Link> : null,
        },
        {
          label: t('recommendations.detail.target'),
          value:
            rec.targetLevel || rec.targetTerritory ? (
              <Group gap="xs">
                {rec.targetLevel ? (
                  <Text span inherit>
                    {t(`vocab.bodyLevel.${rec.targetLevel}`)}
                  </Text>
                ) : null}
                {rec.targetTerritory ? (
                  <Link to={`/territories/${rec.targetTerritory.id}`}>{rec.targetTerritory.label}</Link>
                ) : null}
              </Group>
            ) : null,
        },
        {
          label: t('recommendations.form.dueDate'),
          value: rec.dueDate ? (
            <Group gap="xs">
              <Text span inherit c={rec.overdue ? 'red' : undefined}>
                {formatLongDate(rec.dueDate, lang)}
              </Text>
              {rec.overdue ? <OverdueBadge /> : null}
            </Group>
          ) : (
            t('recommendations.noDueDate')
          ),
        },
        {
          label: t('recommendations.form.priority'),
          value: t(`vocab.recommendationPriority.${rec.priority}`),
        },
        {
          label: t('recommendations.detail.status'),
          value: (
            <Group gap="sm">
              <RecommendationStatusBadge status={rec.status} />
              <ProgressCell progress={rec.progress} status={rec.status} width={140} />
            </Group>
          ),
        },
        { label: t('recommendations.detail.actionsTaken'), value: rec.actionsTaken },
      ]}
    />
  );
}

function Trail({ rec }: { rec: Recommendation }) {
  const { t } = useTranslation();
  if (!rec.transmittedFrom && rec.transmittedTo.length === 0) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Title order={5}>{t('recommendations.detail.trail')}</Title>
        {rec.transmittedFrom ? (
          <Text size="sm">
            {t('recommendations.detail.transmittedFrom')}{' '}
            <Link to={`/recommendations/${rec.transmittedFrom.id}`}>{rec.transmittedFrom.label}</Link> (
            <Link to={`/bodies/${rec.transmittedFrom.body.id}`}>{rec.transmittedFrom.body.label}</Link>)
          </Text>
        ) : null}
        {rec.transmittedTo.map((to) => (
          <Text size="sm" key={to.id}>
            {t('recommendations.detail.transmittedTo')}{' '}
            <Link to={`/recommendations/${to.id}`}>{to.label}</Link> (
            <Link to={`/bodies/${to.body.id}`}>{to.body.label}</Link>)
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** One recommendation: what was decided, by whom and for when, where it stands, and its trail. */
export function RecommendationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useRpc('recommendations.get', { id });
  const trash = useRpcMutation('recommendations.trash');
  const restore = useRpcMutation('recommendations.restore');
  const [updating, setUpdating] = useState(false);

  const back = { to: '/recommendations', label: t('recommendations.detail.backToList') };
  if (query.isLoading) return <Loader size="sm" aria-label={t('recommendations.detail.loading')} />;
  if (query.error || !query.data) {
    return (
      <Stack gap="md">
        <PageHeader title={t('recommendations.detail.notFound')} back={back} />
        <Alert color="red">{errorMessage(query.error, t)}</Alert>
      </Stack>
    );
  }
  const rec = query.data;
  const trashed = rec.deletedAt !== null;
  const updatable = canUpdate(rec.status);

  const doRestore = async () => {
    try {
      await restore.mutateAsync({ id });
      notifySaved(t, t('recommendations.detail.restored'));
    } catch (error) {
      notifyError(error, t);
    }
  };

  const actions = trashed ? (
    <Button onClick={() => void doRestore()} loading={restore.isPending}>
      {t('recommendations.detail.restore')}
    </Button>
  ) : (
    <>
      <Button onClick={() => setUpdating(true)} disabled={!updatable}>
        {t('recommendations.detail.updateStatus')}
      </Button>
      <TransmitAction rec={rec} />
      <Button variant="default" onClick={() => navigate(`/recommendations/${id}/edit`)}>
        {t('recommendations.detail.edit')}
      </Button>
      <ConfirmAction
        label={t('recommendations.detail.trash')}
        title={t('recommendations.detail.trashTitle')}
        message={t('recommendations.detail.trashMessage', { reference: rec.reference })}
        onConfirm={async () => {
          await trash.mutateAsync({ id });
          notifySaved(t, t('recommendations.detail.trashed'));
        }}
      />
    </>
  );

  const subtitle = (
    <Group gap="xs" mt={4}>
      <Badge variant="light" tt="none">
        {t(`vocab.recommendationKind.${rec.kind}`)}
      </Badge>
      <RecommendationStatusBadge status={rec.status} />
      {rec.overdue ? <OverdueBadge /> : null}
      <Link to={`/bodies/${rec.body.id}`} size="sm">
        {rec.body.label}
      </Link>
      {rec.isDemo ? <DemoBadge /> : null}
      {trashed ? (
        <Badge color="red" variant="light" tt="none">
          {t('recommendations.detail.inTrash')}
        </Badge>
      ) : null}
    </Group>
  );

  return (
    <Stack gap="md">
      <PageHeader title={rec.reference} subtitle={subtitle} actions={actions} back={back} />
      {trashed ? <Alert color="red">{t('recommendations.detail.trashedNotice')}</Alert> : null}
      {!trashed && !updatable ? <Alert color="gray">{t('recommendations.update.locked')}</Alert> : null}
      <Trail rec={rec} />
      <Facts rec={rec} />
      <Tabs defaultValue="timeline" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="timeline">{t('recommendations.detail.tabTimeline')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('recommendations.detail.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="timeline" pt="md">
          <Timeline id={rec.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel entityType="recommendation" entityId={rec.id} />
        </Tabs.Panel>
      </Tabs>
      <StatusUpdateModal opened={updating} onClose={() => setUpdating(false)} recommendation={rec} />
    </Stack>
  );
}
