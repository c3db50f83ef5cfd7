import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { Link, navigate } from '../../../app/navigation';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { BodyPicker } from '../../../components/BodyPicker';
import { EmptyState } from '../../../components/EmptyState';
import { formatLongDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { meetingKindTitle } from '../../meetings/components/meetingLabels';
import { RateCell } from '../components/ImplementationRate';
import { RecommendationPicker } from '../components/RecommendationPicker';

interface NewRoadmapValues {
  name: string;
  description: string;
  bodyId: string | null;
  meetingId: string | null;
  recommendationIds: string[];
}

/** "Nouvelle feuille de route": its name, what it is for, then the items picked from the register. */
function NewRoadmapModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useRpcMutation('roadmaps.create');
  const form = useForm<NewRoadmapValues>({
    mode: 'controlled',
    initialValues: { name: '', description: '', bodyId: null, meetingId: null, recommendationIds: [] },
    validate: {
      name: (v) => (v.trim() === '' ? t('errors.field.required') : null),
    },
  });
  const { values } = form;
  const meetings = useRpc('meetings.list', { bodyId: values.bodyId ?? '' }, { enabled: !!values.bodyId });
  const meetingOptions = useMemo(
    () =>
      [...(meetings.data ?? [])]
        .sort((a, b) => b.startDate.localeCompare(a.startDate))
        .map((m) => ({
          value: m.id,
          label: `${formatLongDate(m.startDate, lang)} — ${m.title ?? meetingKindTitle(t, m.kind, m.number)}`,
        })),
    [meetings.data, lang, t],
  );

  const close = () => {
    if (create.isPending) return;
    form.reset();
    onClose();
  };

  const submit = form.onSubmit(async (raw) => {
    try {
      const roadmap = await create.mutateAsync({
        name: raw.name,
        description: raw.description,
        bodyId: raw.bodyId,
        meetingId: raw.bodyId ? raw.meetingId : null,
        recommendationIds: raw.recommendationIds,
      });
      notifySaved(t, t('recommendations.roadmaps.created', { name: roadmap.name }));
      form.reset();
      onClose();
      navigate(`/roadmaps/${roadmap.id}`);
    } catch (error) {
      if (!applyServerErrors(form, error, t)) notifyError(error, t);
    }
  });

  return (
    <Modal opened={opened} onClose={close} title={t('recommendations.roadmaps.newTitle')} size="90%">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('recommendations.roadmaps.name')}
            placeholder={t('recommendations.roadmaps.namePlaceholder')}
            required
            maxLength={300}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Textarea
            label={t('recommendations.roadmaps.description')}
            autosize
            minRows={2}
            maxLength={5000}
            {...form.getInputProps('description')}
          />
          <Group grow align="flex-start">
            <BodyPicker
              label={t('recommendations.roadmaps.body')}
              value={values.bodyId}
              onChange={(id) => {
                form.setFieldValue('bodyId', id);
                form.setFieldValue('meetingId', null);
              }}
              error={form.errors.bodyId}
            />
            <Select
              label={t('recommendations.roadmaps.meeting')}
              placeholder={values.bodyId ? undefined : t('recommendations.form.chooseBodyFirst')}
              data={meetingOptions}
              disabled={!values.bodyId}
              searchable
              clearable
              nothingFoundMessage={t('recommendations.update.noMeetings')}
              {...form.getInputProps('meetingId')}
            />
          </Group>
          <Text fw={600} mt="sm">
            {t('recommendations.roadmaps.pickTitle')}
          </Text>
          <RecommendationPicker
            key={values.bodyId ?? 'all'}
            selected={values.recommendationIds}
            onChange={(ids) => form.setFieldValue('recommendationIds', ids)}
            initialBodyId={values.bodyId}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('recommendations.roadmaps.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The feuilles de route: named lists of register items (a workshop, a mission), with their rates. */
export function RoadmapsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useRpc('roadmaps.list', {});
  const [creating, setCreating] = useState(false);

  let content: ReactNode;
  if (list.error) content = <Alert color="red">{errorMessage(list.error, t)}</Alert>;
  else if (list.isLoading) content = <Loader size="sm" aria-label={t('common.loading')} />;
  else if ((list.data ?? []).length === 0) {
    content = (
      <EmptyState
        title={t('recommendations.roadmaps.emptyTitle')}
        text={t('recommendations.roadmaps.emptyText')}
        action={<Button onClick={() => setCreating(true)}>{t('recommendations.roadmaps.new')}</Button>}
      />
    );
  } else {
    content = (
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover aria-label={t('recommendations.roadmaps.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recommendations.roadmaps.columns.name')}</Table.Th>
              <Table.Th>{t('recommendations.roadmaps.columns.body')}</Table.Th>
              <Table.Th ta="right">{t('recommendations.roadmaps.columns.count')}</Table.Th>
              <Table.Th>{t('recommendations.roadmaps.columns.rate')}</Table.Th>
              <Table.Th>{t('recommendations.roadmaps.columns.created')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Link to={`/roadmaps/${r.id}`} fw={600}>
                    {r.name}
                  </Link>
                  {r.meeting ? (
                    <Text size="xs" c="dimmed">
                      {r.meeting.label}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {r.body ? (
                    <Link to={`/bodies/${r.body.id}`}>{r.body.label}</Link>
                  ) : (
                    <Text c="dimmed">—</Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{r.rate.total}</Table.Td>
                <Table.Td>
                  <RateCell rate={r.rate} />
                </Table.Td>
                <Table.Td>{formatLongDate(r.createdAt, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={t('recommendations.roadmaps.title')}
        subtitle={t('recommendations.roadmaps.subtitle')}
        back={{ to: '/recommendations', label: t('recommendations.list.title') }}
        actions={<Button onClick={() => setCreating(true)}>{t('recommendations.roadmaps.new')}</Button>}
      />
      {content}
      <NewRoadmapModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
