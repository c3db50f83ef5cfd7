import { ActionIcon, Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { Link, navigate } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { EmptyState } from '../../../components/EmptyState';
import { formatLongDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { ImplementationRate } from '../components/ImplementationRate';
import { RecommendationPicker } from '../components/RecommendationPicker';
import { type RegisterRow, RegisterTable } from '../components/RegisterTable';
import { StatusUpdateModal } from '../components/StatusUpdateModal';

/** Adds items picked from the register at the end of the roadmap. */
function AddItemsModal({
  opened,
  onClose,
  existing,
  bodyId,
  onAdd,
  busy,
}: {
  opened: boolean;
  onClose: () => void;
  existing: readonly string[];
  bodyId: string | null;
  /** Resolves true once saved (the dialog then closes). */
  onAdd: (ids: string[]) => Promise<boolean>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string[]>([]);
  const close = () => {
    setPicked([]);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('recommendations.roadmap.addTitle')} size="90%">
      <Stack gap="sm">
        <RecommendationPicker
          selected={picked}
          onChange={setPicked}
          excludeIds={existing}
          initialBodyId={bodyId}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('common.actions.cancel')}
          </Button>
          <Button
            disabled={picked.length === 0}
            loading={busy}
            onClick={async () => {
              if (await onAdd(picked)) close();
            }}
          >
            {t('recommendations.roadmap.addConfirm', { count: picked.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One feuille de route: its items in order, their state, and the rate; reviewed like the register. */
export function RoadmapPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const query = useRpc('roadmaps.get', { id });
  const setItems = useRpcMutation('roadmaps.setItems');
  const trash = useRpcMutation('roadmaps.trash');
  const [adding, setAdding] = useState(false);
  const [updating, setUpdating] = useState<RegisterRow | null>(null);

  const back = { to: '/roadmaps', label: t('recommendations.roadmaps.title') };
  if (query.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.error || !query.data) {
    return (
      <Stack gap="md">
        <PageHeader title={t('recommendations.roadmap.notFound')} back={back} />
        <Alert color="red">{errorMessage(query.error, t)}</Alert>
      </Stack>
    );
  }
  const roadmap = query.data;
  const ids = roadmap.items.map((item) => item.id);

  const save = async (next: string[], message?: string): Promise<boolean> => {
    try {
      await setItems.mutateAsync({ id, recommendationIds: next });
      if (message) notifySaved(t, message);
      return true;
    } catch (error) {
      notifyError(error, t);
      return false;
    }
  };
  const move = (index: number, delta: number) => {
    const next = [...ids];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + delta, 0, item);
    void save(next);
  };

  const subtitle = (
    <Stack gap={2}>
      {roadmap.description ? <Text size="sm">{roadmap.description}</Text> : null}
      <Group gap="xs">
        {roadmap.body ? (
          <Link to={`/bodies/${roadmap.body.id}`} size="sm">
            {roadmap.body.label}
          </Link>
        ) : null}
        {roadmap.meeting ? (
          <Link to={`/meetings/${roadmap.meeting.id}`} size="sm">
            {roadmap.meeting.label}
          </Link>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('recommendations.roadmap.createdOn', { date: formatLongDate(roadmap.createdAt, lang) })}
        </Text>
      </Group>
    </Stack>
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={roadmap.name}
        subtitle={subtitle}
        back={back}
        actions={
          <>
            <Button onClick={() => setAdding(true)}>{t('recommendations.roadmap.add')}</Button>
            <ConfirmAction
              label={t('recommendations.roadmap.trash')}
              title={t('recommendations.roadmap.trashTitle')}
              message={t('recommendations.roadmap.trashMessage')}
              onConfirm={async () => {
                await trash.mutateAsync({ id });
                notifySaved(t, t('recommendations.roadmap.trashed'));
                navigate('/roadmaps');
              }}
            />
          </>
        }
      />
      <ImplementationRate rate={roadmap.rate} />
      {roadmap.items.length === 0 ? (
        <EmptyState
          title={t('recommendations.roadmap.emptyTitle')}
          text={t('recommendations.roadmap.emptyText')}
          action={<Button onClick={() => setAdding(true)}>{t('recommendations.roadmap.add')}</Button>}
        />
      ) : (
        <RegisterTable
          rows={roadmap.items}
          label={t('recommendations.roadmap.tableLabel', { name: roadmap.name })}
          actionsLabel={t('recommendations.table.actions')}
          actions={(row, index) => (
            <Group gap={4} wrap="nowrap">
              <Button size="compact-xs" variant="light" onClick={() => setUpdating(row)}>
                {t('recommendations.roadmap.update')}
              </Button>
              <ActionIcon
                variant="subtle"
                size="sm"
                disabled={index === 0 || setItems.isPending}
                onClick={() => move(index, -1)}
                aria-label={t('recommendations.roadmap.moveUp', { reference: row.reference })}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                size="sm"
                disabled={index === ids.length - 1 || setItems.isPending}
                onClick={() => move(index, 1)}
                aria-label={t('recommendations.roadmap.moveDown', { reference: row.reference })}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                disabled={setItems.isPending}
                onClick={() =>
                  void save(
                    ids.filter((x) => x !== row.id),
                    t('recommendations.roadmap.removed', { reference: row.reference }),
                  )
                }
                aria-label={t('recommendations.roadmap.remove', { reference: row.reference })}
              >
                ✕
              </ActionIcon>
            </Group>
          )}
        />
      )}
      <AddItemsModal
        opened={adding}
        onClose={() => setAdding(false)}
        existing={ids}
        bodyId={roadmap.body?.id ?? null}
        busy={setItems.isPending}
        onAdd={(picked) =>
          save([...ids, ...picked], t('recommendations.roadmap.added', { count: picked.length }))
        }
      />
      <StatusUpdateModal
        opened={updating !== null}
        onClose={() => setUpdating(null)}
        recommendation={updating}
      />
    </Stack>
  );
}
