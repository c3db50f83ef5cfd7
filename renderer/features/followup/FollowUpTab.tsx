import { Alert, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isOpenStatus } from '../../../shared/domain/recommendationStatus';
import type { MeetingStatus } from '../../../shared/domain/vocabularies';
import { errorMessage, notifyError, notifySaved } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { useRpc, useRpcMutation } from '../../app/rpc';
import { EmptyState } from '../../components/EmptyState';
import { formatLongDate } from '../../components/format';
import { type FollowUpItem, FollowUpRow } from './FollowUpRow';

/** The snapshot may be taken again only while the session is still to be held (it is the record afterwards). */
const REFRESHABLE: readonly MeetingStatus[] = ['draft', 'convened', 'postponed'];

export interface FollowUpSummary {
  /** Open when the session opened (per the snapshot). */
  open: number;
  /** Updated during this session. */
  updated: number;
  /** Marked réalisée during this session. */
  done: number;
}

export function followUpSummary(items: readonly FollowUpItem[]): FollowUpSummary {
  let open = 0;
  let updated = 0;
  let done = 0;
  for (const item of items) {
    if (isOpenStatus(item.snapshot.status)) open += 1;
    if (item.sessionUpdate) {
      updated += 1;
      if (item.sessionUpdate.status === 'done') done += 1;
    }
  }
  return { open, updated, done };
}

/** The latest capture among the items (they are normally taken together). */
function capturedAt(items: readonly FollowUpItem[]): string | null {
  let latest: string | null = null;
  for (const item of items) {
    if (latest === null || item.snapshot.capturedAt > latest) latest = item.snapshot.capturedAt;
  }
  return latest;
}

/**
 * "Point de la mise en œuvre des recommandations" of one session: every open recommendation of
 * the body (and those its sub-bodies passed on), as they stood when the session was prepared,
 * each updated in place during the session — one screen, one "Enregistrer" per row.
 */
export function FollowUpTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const meeting = useRpc('meetings.get', { id: meetingId });
  const items = useRpc('followUp.get', { meetingId });
  const refresh = useRpcMutation('followUp.refresh');

  if (meeting.isLoading || items.isLoading) {
    return <Loader size="sm" aria-label={t('followUp.loading')} />;
  }
  if (meeting.error || items.error || !meeting.data || !items.data) {
    return <Alert color="red">{errorMessage(meeting.error ?? items.error, t)}</Alert>;
  }
  const current = meeting.data;
  const list = items.data;
  const trashed = current.deletedAt !== null;
  const editable = !trashed && current.status !== 'cancelled';
  const refreshable = !trashed && REFRESHABLE.includes(current.status);
  const summary = followUpSummary(list);
  const captured = capturedAt(list);

  const doRefresh = async () => {
    try {
      await refresh.mutateAsync({ meetingId });
      notifySaved(t, t('followUp.snapshot.refreshed'));
    } catch (error) {
      notifyError(error, t);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={3} fz="lg">
              {t('followUp.title')}
            </Title>
            <Badge variant="light" color="gray" tt="none">
              {t('followUp.count', { count: list.length })}
            </Badge>
          </Group>
          {list.length > 0 ? (
            <Text size="sm" fw={500}>
              {[
                t('followUp.summary.open', { count: summary.open }),
                t('followUp.summary.updated', { count: summary.updated }),
                t('followUp.summary.done', { count: summary.done }),
              ].join(' — ')}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {refreshable
              ? t('followUp.snapshot.hint')
              : captured
                ? t('followUp.snapshot.frozen', { date: formatLongDate(captured, lang) })
                : t('followUp.snapshot.frozenNoDate')}
          </Text>
        </Stack>
        {refreshable ? (
          <Button variant="light" onClick={() => void doRefresh()} loading={refresh.isPending}>
            {t('followUp.snapshot.refresh')}
          </Button>
        ) : null}
      </Group>

      {list.length === 0 ? (
        <EmptyState title={t('followUp.empty')} text={t('followUp.emptyHint')} />
      ) : (
        <Stack gap="sm">
          {list.map((item) => (
            <FollowUpRow key={item.recommendation.id} item={item} meeting={current} editable={editable} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
