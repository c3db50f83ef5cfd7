import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
import { personName } from '../personName';
import { seatRoleLabel } from '../seatLabel';

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** One person: contact details, organisation, and every seat held over time. */
export function PersonPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const detail = useRpc('people.get', { id });
  const trash = useRpcMutation('people.trash');
  const restore = useRpcMutation('people.restore');

  if (detail.isPending) {
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('people.detail.loading')}</Text>
      </Group>
    );
  }
  if (detail.isError) {
    return (
      <Stack>
        <PageHeader title={t('people.list.title')} back={{ to: '/people', label: t('people.list.title') }} />
        <Alert color="red">{errorMessage(detail.error, t)}</Alert>
      </Stack>
    );
  }

  const p = detail.data;
  const trashed = p.deletedAt !== null;
  const now = today();

  // ConfirmAction keeps its dialog open and reports the error when this rejects.
  async function doTrash() {
    await trash.mutateAsync({ id });
    notifySaved(t, t('people.detail.trashDone'));
  }

  async function doRestore() {
    try {
      await restore.mutateAsync({ id });
      notifySaved(t, t('people.detail.restored'));
    } catch (error) {
      notifyError(error, t);
    }
  }

  const actions = trashed ? (
    <Button onClick={doRestore} loading={restore.isPending}>
      {t('people.detail.restore')}
    </Button>
  ) : (
    <>
      <Button onClick={() => navigate(`/people/${id}/edit`)}>{t('people.detail.edit')}</Button>
      <ConfirmAction
        label={t('people.detail.trash')}
        title={t('people.detail.trashTitle')}
        message={t('people.detail.trashMessage')}
        onConfirm={doTrash}
        color="red"
      />
    </>
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={personName(p)}
        subtitle={
          <Group gap="xs">
            {p.function ? <span>{p.function}</span> : null}
            {p.organisation ? (
              <Link to={`/organisations/${p.organisation.id}`}>{p.organisation.label}</Link>
            ) : null}
            {p.isDemo ? <DemoBadge /> : null}
          </Group>
        }
        back={{ to: '/people', label: t('people.list.title') }}
        actions={actions}
      />
      {trashed ? <Alert color="orange">{t('people.detail.trashed')}</Alert> : null}

      <Tabs defaultValue="info" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="info">{t('people.detail.tabInfo')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('people.detail.tabHistory')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="info" pt="md">
          <Stack gap="lg">
            <DetailFields
              rows={[
                { label: t('people.form.title'), value: p.title },
                { label: t('people.form.firstName'), value: p.firstName },
                { label: t('people.form.lastName'), value: p.lastName },
                { label: t('people.form.function'), value: p.function },
                {
                  label: t('people.form.organisation'),
                  value: p.organisation ? (
                    <Link to={`/organisations/${p.organisation.id}`}>{p.organisation.label}</Link>
                  ) : null,
                },
                {
                  label: t('people.form.email'),
                  value: p.email ? <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor> : null,
                },
                { label: t('people.form.phone'), value: p.phone },
                { label: t('people.form.sex'), value: p.sex ? t(`vocab.sex.${p.sex}`) : null },
                { label: t('people.form.notes'), value: p.notes },
              ]}
            />

            <section>
              <Title order={4} mb="xs">
                {t('people.detail.seats')}
              </Title>
              {p.seats.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('people.detail.noSeats')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('people.detail.seatColumns.body')}</Table.Th>
                        <Table.Th>{t('people.detail.seatColumns.role')}</Table.Th>
                        <Table.Th>{t('people.detail.seatColumns.function')}</Table.Th>
                        <Table.Th>{t('people.detail.seatColumns.period')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.seats.map((s) => {
                        const current = s.to === null || s.to >= now;
                        const from = formatLongDate(s.from, lang);
                        return (
                          <Table.Tr key={s.holderId}>
                            <Table.Td>
                              <Link to={`/bodies/${s.body.id}`}>{s.body.label}</Link>
                            </Table.Td>
                            <Table.Td>{seatRoleLabel(t, s.role, s.rank)}</Table.Td>
                            <Table.Td>{s.function}</Table.Td>
                            <Table.Td>
                              <Group gap="xs" wrap="nowrap">
                                <span>
                                  {s.to === null
                                    ? t('people.detail.since', { from })
                                    : t('people.detail.period', { from, to: formatLongDate(s.to, lang) })}
                                </span>
                                {current ? (
                                  <Badge color="teal" variant="light" tt="none">
                                    {t('people.detail.ongoing')}
                                  </Badge>
                                ) : null}
                              </Group>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </section>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="history" pt="md">
          <HistoryPanel entityType="person" entityId={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
