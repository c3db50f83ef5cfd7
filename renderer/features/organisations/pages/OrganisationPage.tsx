import { Alert, Anchor, Button, Group, List, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import { COUNTRIES, type CountryCode } from '../../../../shared/domain/vocabularies';
import { errorMessage, notifyError, notifySaved } from '../../../app/errors';
import { Link, navigate } from '../../../app/router';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DemoBadge } from '../../../components/DemoBadge';
import { HistoryPanel } from '../../../components/HistoryPanel';
import { PageHeader } from '../../../components/PageHeader';
import { ConventionsTab } from '../../partners/ConventionsTab';
import { InterventionsTab } from '../../partners/InterventionsTab';
import { seatRoleLabel } from '../../people/seatLabel';
import { RecommendationsTab } from '../../recommendations/components/RecommendationsTab';
import { DetailFields } from '../components/DetailFields';
import { LabelBadges } from '../components/LabelBadges';

function isCountry(value: string | null): value is CountryCode {
  return value !== null && (COUNTRIES as readonly string[]).includes(value);
}

/** One organisation: its fields, its place in the hierarchy, its people and the seats it holds. */
export function OrganisationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useRpc('organisations.get', { id });
  const trash = useRpcMutation('organisations.trash');
  const restore = useRpcMutation('organisations.restore');

  if (detail.isPending) {
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('organisations.detail.loading')}</Text>
      </Group>
    );
  }
  if (detail.isError) {
    return (
      <Stack>
        <PageHeader
          title={t('organisations.list.title')}
          back={{ to: '/organisations', label: t('organisations.list.title') }}
        />
        <Alert color="red">{errorMessage(detail.error, t)}</Alert>
      </Stack>
    );
  }

  const o = detail.data;
  const trashed = o.deletedAt !== null;

  // ConfirmAction keeps its dialog open and reports the error when this rejects.
  async function doTrash() {
    await trash.mutateAsync({ id });
    notifySaved(t, t('organisations.detail.trashDone'));
  }

  async function doRestore() {
    try {
      await restore.mutateAsync({ id });
      notifySaved(t, t('organisations.detail.restored'));
    } catch (error) {
      notifyError(error, t);
    }
  }

  const actions = trashed ? (
    <Button onClick={doRestore} loading={restore.isPending}>
      {t('organisations.detail.restore')}
    </Button>
  ) : (
    <>
      <Button onClick={() => navigate(`/organisations/${id}/edit`)}>{t('organisations.detail.edit')}</Button>
      <ConfirmAction
        label={t('organisations.detail.trash')}
        title={t('organisations.detail.trashTitle')}
        message={t('organisations.detail.trashMessage')}
        onConfirm={doTrash}
        color="red"
      />
    </>
  );

  const people = [...o.people].sort((a, b) => compareFr(a.label, b.label));
  const children = [...o.children].sort((a, b) => compareFr(a.label, b.label));

  return (
    <Stack gap="md">
      <PageHeader
        title={o.acronym ? `${o.acronym} — ${o.name}` : o.name}
        subtitle={
          <Group gap="xs">
            <span>{t(`vocab.organisationKind.${o.kind}`)}</span>
            {o.isDemo ? <DemoBadge /> : null}
          </Group>
        }
        back={{ to: '/organisations', label: t('organisations.list.title') }}
        actions={actions}
      />
      {trashed ? <Alert color="orange">{t('organisations.detail.trashed')}</Alert> : null}

      <Tabs defaultValue="info" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="info">{t('organisations.detail.tabInfo')}</Tabs.Tab>
          <Tabs.Tab value="recommendations">{t('recommendations.tab.tab')}</Tabs.Tab>
          <Tabs.Tab value="interventions">{t('partners.tabs.interventions')}</Tabs.Tab>
          <Tabs.Tab value="conventions">{t('partners.tabs.conventions')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('organisations.detail.tabHistory')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="info" pt="md">
          <Stack gap="lg">
            <DetailFields
              rows={[
                { label: t('organisations.form.name'), value: o.name },
                { label: t('organisations.form.acronym'), value: o.acronym },
                { label: t('organisations.form.aliases'), value: <LabelBadges labels={o.aliases} /> },
                { label: t('organisations.form.kind'), value: t(`vocab.organisationKind.${o.kind}`) },
                {
                  label: t('organisations.form.parent'),
                  value: o.parent ? <Link to={`/organisations/${o.parent.id}`}>{o.parent.label}</Link> : null,
                },
                {
                  label: t('organisations.form.country'),
                  value: isCountry(o.countryCode) ? t(`vocab.country.${o.countryCode}`) : o.countryCode,
                },
                { label: t('organisations.form.domains'), value: <LabelBadges labels={o.domains} /> },
                {
                  label: t('organisations.form.targetGroups'),
                  value: <LabelBadges labels={o.targetGroups} />,
                },
                {
                  label: t('organisations.form.zones'),
                  value:
                    o.zones.length > 0 ? (
                      <Group gap="xs">
                        {o.zones.map((z) => (
                          <Link key={z.id} to={`/territories/${z.id}`}>
                            {z.label}
                          </Link>
                        ))}
                      </Group>
                    ) : null,
                },
                {
                  label: t('organisations.form.email'),
                  value: o.email ? <Anchor href={`mailto:${o.email}`}>{o.email}</Anchor> : null,
                },
                { label: t('organisations.form.phone'), value: o.phone },
                {
                  label: t('organisations.form.website'),
                  value: o.website ? (
                    <Anchor
                      href={/^https?:\/\//i.test(o.website) ? o.website : `https://${o.website}`}
                      target="_blank"
                    >
                      {o.website}
                    </Anchor>
                  ) : null,
                },
                { label: t('organisations.form.address'), value: o.address },
                { label: t('organisations.form.notes'), value: o.notes },
              ]}
            />

            <section>
              <Title order={4} mb="xs">
                {t('organisations.detail.subOrganisations')}
              </Title>
              {children.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('organisations.detail.noSubOrganisations')}
                </Text>
              ) : (
                <List spacing={4}>
                  {children.map((c) => (
                    <List.Item key={c.id}>
                      <Link to={`/organisations/${c.id}`}>{c.label}</Link>
                    </List.Item>
                  ))}
                </List>
              )}
            </section>

            <section>
              <Group justify="space-between" mb="xs">
                <Title order={4}>{t('organisations.detail.people')}</Title>
                {trashed ? null : (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => navigate(`/people/new?organisationId=${id}`)}
                  >
                    {t('organisations.detail.addPerson')}
                  </Button>
                )}
              </Group>
              {people.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('organisations.detail.noPeople')}
                </Text>
              ) : (
                <List spacing={4}>
                  {people.map((p) => (
                    <List.Item key={p.id}>
                      <Link to={`/people/${p.id}`}>{p.label}</Link>
                      {p.function ? (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          — {p.function}
                        </Text>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              )}
            </section>

            <section>
              <Title order={4} mb="xs">
                {t('organisations.detail.seats')}
              </Title>
              {o.seats.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('organisations.detail.noSeats')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('organisations.detail.seatColumns.body')}</Table.Th>
                        <Table.Th>{t('organisations.detail.seatColumns.function')}</Table.Th>
                        <Table.Th>{t('organisations.detail.seatColumns.role')}</Table.Th>
                        <Table.Th>{t('organisations.detail.seatColumns.holder')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {o.seats.map((s) => (
                        <Table.Tr key={s.seatId}>
                          <Table.Td>
                            <Link to={`/bodies/${s.body.id}`}>{s.body.label}</Link>
                          </Table.Td>
                          <Table.Td>{s.function}</Table.Td>
                          <Table.Td>{seatRoleLabel(t, s.role, s.rank)}</Table.Td>
                          <Table.Td>
                            {s.currentHolder ? (
                              <Link to={`/people/${s.currentHolder.id}`}>{s.currentHolder.label}</Link>
                            ) : (
                              <Text span c="dimmed" size="sm">
                                {t('organisations.detail.vacant')}
                              </Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </section>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="recommendations" pt="md">
          <RecommendationsTab organisationId={id} />
        </Tabs.Panel>

        <Tabs.Panel value="interventions" pt="md">
          <InterventionsTab organisationId={id} />
        </Tabs.Panel>

        <Tabs.Panel value="conventions" pt="md">
          <ConventionsTab organisationId={id} readOnly={trashed} />
        </Tabs.Panel>

        <Tabs.Panel value="history" pt="md">
          <HistoryPanel entityType="organisation" entityId={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
