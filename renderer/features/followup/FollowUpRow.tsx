import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canUpdate,
  defaultProgress,
  requiresActions,
  validateRecommendationUpdate,
} from '../../../shared/domain/recommendationStatus';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../shared/rpc';
import type { Meeting } from '../../../shared/rpc/meetings';
import { errorMessage, issueMessage, notifySaved } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { Link } from '../../app/navigation';
import { RpcError, useRpc, useRpcMutation } from '../../app/rpc';
import { formatLongDate } from '../../components/format';
import {
  RecommendationStatusBadge,
  statusColor,
} from '../recommendations/components/RecommendationStatusBadge';

export type FollowUpItem = OutputOf<'followUp.get'>[number];

/** The fields of the inline editor; server and form messages are keyed by the same names. */
type Field = 'status' | 'progress' | 'comment' | 'actionsTaken';
const FIELDS: readonly Field[] = ['status', 'progress', 'comment', 'actionsTaken'];

function isStatus(value: string | null): value is RecommendationStatus {
  return value !== null && (RECOMMENDATION_STATUSES as readonly string[]).includes(value);
}

function isField(value: string): value is Field {
  return (FIELDS as readonly string[]).includes(value);
}

/** A status and its "avancement", as the opening snapshot and the session update both show them. */
function StatusLine({ status, progress }: { status: RecommendationStatus; progress: number }) {
  const { t } = useTranslation();
  const value = Math.min(100, Math.max(0, progress));
  const text = t('followUp.row.progressValue', { value });
  return (
    <Group gap="xs" wrap="nowrap">
      <RecommendationStatusBadge status={status} />
      <Progress value={value} color={statusColor(status)} w={70} size="sm" aria-label={text} />
      <Text span size="xs" style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Text>
    </Group>
  );
}

/**
 * "Transmise par GTGPS". The item is either the sub-body's own recommendation (its body says
 * who) or the linked copy held by this body (then the copy's trail says who).
 */
function TransmittedBadge({ item, meetingBodyId }: { item: FollowUpItem; meetingBodyId: string }) {
  const { t } = useTranslation();
  const own = item.recommendation.body.id === meetingBodyId;
  const full = useRpc('recommendations.get', { id: item.recommendation.id }, { enabled: own });
  const from = own ? full.data?.transmittedFrom?.body.label : item.recommendation.body.label;
  return (
    <Badge color="grape" variant="light" size="sm" tt="none">
      {from ? t('followUp.row.transmittedBy', { body: from }) : t('followUp.row.transmitted')}
    </Badge>
  );
}

interface Draft {
  status: RecommendationStatus;
  /** '' while empty: the status's default progress is then recorded. */
  progress: number | string;
  comment: string;
  actionsTaken: string;
}

/**
 * The update of one recommendation, in its own row: status, progress (proposed by the status),
 * comment, and actions taken when the status closes the item. Tied to the session and dated on
 * its first day, whatever day the secretary types it.
 */
function InlineUpdate({
  item,
  meeting,
  onDone,
}: {
  item: FollowUpItem;
  meeting: Meeting;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const rec = item.recommendation;
  const previous = item.sessionUpdate;
  const addUpdate = useRpcMutation('recommendations.addUpdate');
  const [draft, setDraft] = useState<Draft>(() => ({
    status: previous?.status ?? rec.status,
    progress: previous?.progress ?? rec.progress,
    comment: previous?.comment ?? '',
    actionsTaken: previous?.actionsTaken ?? '',
  }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const closing = requiresActions(draft.status);

  const change = (patch: Partial<Draft>, cleared: Field[]) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const field of cleared) delete next[field];
      return next;
    });
  };

  const statusOptions = RECOMMENDATION_STATUSES.map((s) => ({
    value: s,
    label: t(`vocab.recommendationStatus.${s}`),
  }));

  const save = async () => {
    setGeneral(null);
    const progress = typeof draft.progress === 'number' ? draft.progress : null;
    // The same rules as the backend, checked first so that the answer is immediate.
    const local: Partial<Record<Field, string>> = {};
    for (const issue of validateRecommendationUpdate({
      current: rec.status,
      next: draft.status,
      progress,
      actionsTaken: draft.actionsTaken,
    })) {
      const path = issue.path.join('.');
      if (isField(path) && !local[path]) local[path] = t(issue.key, issue.params ?? {});
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      const updated = await addUpdate.mutateAsync({
        id: rec.id,
        date: meeting.startDate,
        status: draft.status,
        progress,
        comment: draft.comment,
        actionsTaken: closing ? draft.actionsTaken : null,
        source: 'meeting',
        meetingId: meeting.id,
      });
      notifySaved(t, t('followUp.update.saved', { reference: updated.reference }));
      onDone();
    } catch (error) {
      const fieldErrors: Partial<Record<Field, string>> = {};
      const others: string[] = [];
      if (error instanceof RpcError && error.code === 'VALIDATION') {
        for (const issue of error.issues) {
          const path = issue.path.join('.');
          if (isField(path)) fieldErrors[path] = issueMessage(issue, t);
          else others.push(issueMessage(issue, t));
        }
      }
      setErrors(fieldErrors);
      if (others.length > 0) setGeneral(others.join(' '));
      else if (Object.keys(fieldErrors).length === 0) setGeneral(errorMessage(error, t));
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="xs">
        <Group gap="xs" align="flex-start" wrap="wrap">
          <Select
            label={t('followUp.update.status')}
            data={statusOptions}
            value={draft.status}
            allowDeselect={false}
            error={errors.status}
            size="xs"
            w={200}
            onChange={(value) => {
              if (!isStatus(value)) return;
              // Each status proposes its progress; the secretary may still change it.
              change({ status: value, progress: defaultProgress(value, rec.progress) }, [
                'status',
                'progress',
                'actionsTaken',
              ]);
            }}
          />
          <NumberInput
            label={t('followUp.update.progress')}
            description={t('followUp.update.progressHint')}
            min={0}
            max={100}
            clampBehavior="none"
            allowDecimal={false}
            size="xs"
            w={160}
            value={draft.progress}
            error={errors.progress}
            onChange={(value) => change({ progress: value }, ['progress'])}
          />
        </Group>
        {closing ? (
          <Textarea
            label={t('followUp.update.actionsTaken')}
            description={t('followUp.update.actionsHint')}
            required
            autosize
            minRows={2}
            maxRows={6}
            maxLength={10_000}
            size="xs"
            value={draft.actionsTaken}
            error={errors.actionsTaken}
            onChange={(event) => change({ actionsTaken: event.currentTarget.value }, ['actionsTaken'])}
          />
        ) : null}
        <Textarea
          label={t('followUp.update.comment')}
          autosize
          minRows={1}
          maxRows={5}
          maxLength={5000}
          size="xs"
          value={draft.comment}
          error={errors.comment}
          onChange={(event) => change({ comment: event.currentTarget.value }, ['comment'])}
        />
        {general ? (
          <Alert color="red" variant="light" p="xs">
            {general}
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={addUpdate.isPending}>
            {t('followUp.update.save')}
          </Button>
          <Button variant="default" size="xs" onClick={onDone} disabled={addUpdate.isPending}>
            {t('followUp.update.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What was recorded for the item at this session. */
function SessionUpdate({ update }: { update: NonNullable<FollowUpItem['sessionUpdate']> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <StatusLine status={update.status} progress={update.progress} />
      {update.actionsTaken ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('followUp.row.actionsTaken', { text: update.actionsTaken })}
        </Text>
      ) : null}
      {update.comment ? (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {t('followUp.row.comment', { text: update.comment })}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * One recommendation in a session's follow-up: what it asks, who leads, when it is due, its state
 * when the session opened, and what the session recorded — or the controls to record it.
 */
export function FollowUpRow({
  item,
  meeting,
  editable,
}: {
  item: FollowUpItem;
  meeting: Meeting;
  /** False for a cancelled or trashed session: shown, never updated. */
  editable: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [editing, setEditing] = useState(false);
  const rec = item.recommendation;
  const { snapshot, sessionUpdate } = item;
  const updatable = editable && canUpdate(rec.status);

  let sessionCell: ReactNode;
  if (editing && updatable) {
    sessionCell = <InlineUpdate item={item} meeting={meeting} onDone={() => setEditing(false)} />;
  } else {
    sessionCell = (
      <Stack gap="xs" align="flex-start">
        {sessionUpdate ? (
          <SessionUpdate update={sessionUpdate} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('followUp.row.notUpdated')}
          </Text>
        )}
        {updatable ? (
          <Button size="xs" variant={sessionUpdate ? 'default' : 'light'} onClick={() => setEditing(true)}>
            {sessionUpdate ? t('followUp.update.edit') : t('followUp.update.open')}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            {editable ? t('followUp.row.locked') : t('followUp.row.readOnly')}
          </Text>
        )}
      </Stack>
    );
  }

  return (
    <Paper withBorder p="sm" component="article" aria-label={rec.reference}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Link to={`/recommendations/${rec.id}`} fw={600}>
              {rec.reference}
            </Link>
            {item.transmitted ? <TransmittedBadge item={item} meetingBodyId={meeting.body.id} /> : null}
          </Group>
          {rec.dueDate ? (
            <Group gap={6} wrap="nowrap">
              <Text size="sm" c={rec.overdue ? 'red.7' : undefined} fw={rec.overdue ? 600 : undefined}>
                {t('followUp.row.dueOn', { date: formatLongDate(rec.dueDate, lang) })}
              </Text>
              {rec.overdue ? (
                <Badge color="red" variant="filled" size="xs" tt="none">
                  {t('followUp.row.overdue')}
                </Badge>
              ) : null}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('followUp.row.noDue')}
            </Text>
          )}
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {rec.text}
        </Text>
        <Text size="xs" c="dimmed">
          {rec.leadOrganisation
            ? t('followUp.row.lead', { name: rec.leadOrganisation.label })
            : t('followUp.row.noLead')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('followUp.columns.opening')}
            </Text>
            <StatusLine status={snapshot.status} progress={snapshot.progress} />
            <Text size="xs" c="dimmed">
              {t('followUp.row.capturedOn', { date: formatLongDate(snapshot.capturedAt, lang) })}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('followUp.columns.session')}
            </Text>
            {sessionCell}
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
