import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifyError } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { Link } from '../../app/navigation';
import { call, useRpc } from '../../app/rpc';
import { EmptyState } from '../../components/EmptyState';
import { formatLongDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';

type TrashKind = 'body' | 'organisation' | 'person' | 'meeting' | 'recommendation';
const KINDS: readonly TrashKind[] = ['body', 'organisation', 'person', 'meeting', 'recommendation'];
const PATHS: Record<TrashKind, string> = {
  body: '/bodies',
  organisation: '/organisations',
  person: '/people',
  meeting: '/meetings',
  recommendation: '/recommendations',
};

function restore(kind: TrashKind, id: string) {
  if (kind === 'body') return call('bodies.restore', { id });
  if (kind === 'organisation') return call('organisations.restore', { id });
  if (kind === 'meeting') return call('meetings.restore', { id });
  if (kind === 'recommendation') return call('recommendations.restore', { id });
  return call('people.restore', { id });
}

/** Everything moved to the trash, by kind, newest first, each with a way back. */
export function TrashPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const client = useQueryClient();
  const trash = useRpc('trash.list', {});
  const [busy, setBusy] = useState<string | null>(null);

  const onRestore = async (kind: TrashKind, id: string, label: string) => {
    setBusy(id);
    try {
      await restore(kind, id);
      notifications.show({ color: 'teal', message: t('history.trash.restored', { label }) });
      await client.invalidateQueries();
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(null);
    }
  };

  const items = trash.data ?? [];
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader title={t('history.trash.title')} subtitle={t('history.trash.subtitle')} />
      {trash.isLoading ? <Loader aria-label={t('common.loading')} /> : null}
      {trash.error ? <Alert color="red">{errorMessage(trash.error, t)}</Alert> : null}
      {trash.data && items.length === 0 ? (
        <EmptyState title={t('history.trash.emptyTitle')} text={t('history.trash.emptyText')} />
      ) : null}
      {KINDS.map((kind) => {
        const group = items
          .filter((i) => i.kind === kind)
          .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
        if (group.length === 0) return null;
        return (
          <Stack key={kind} gap="xs" component="section" aria-label={t(`history.trash.kind.${kind}`)}>
            <Title order={3}>
              {t(`history.trash.kind.${kind}`)} ({group.length})
            </Title>
            <Paper withBorder>
              {group.map((entry, index) => (
                <Group
                  key={entry.item.id}
                  justify="space-between"
                  px="md"
                  py="sm"
                  wrap="nowrap"
                  style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
                >
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Link to={`${PATHS[kind]}/${entry.item.id}`} fw={500}>
                      {entry.item.label}
                    </Link>
                    <Text size="xs" c="dimmed">
                      {t('history.trash.deletedOn', { date: formatLongDate(entry.deletedAt, lang) })}
                    </Text>
                  </Stack>
                  <Button
                    size="xs"
                    variant="light"
                    loading={busy === entry.item.id}
                    disabled={busy !== null && busy !== entry.item.id}
                    onClick={() => void onRestore(kind, entry.item.id, entry.item.label)}
                    aria-label={`${t('history.trash.restore')} : ${entry.item.label}`}
                  >
                    {t('history.trash.restore')}
                  </Button>
                </Group>
              ))}
            </Paper>
          </Stack>
        );
      })}
    </Stack>
  );
}
