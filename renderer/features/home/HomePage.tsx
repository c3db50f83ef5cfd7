import { Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BodyListItem } from '../../../shared/rpc/bodies';
import { useLanguage } from '../../app/i18n';
import { hrefOf, Link } from '../../app/navigation';
import { useRpc } from '../../app/rpc';
import { DemoBadge } from '../../components/DemoBadge';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { RecommendationsDashboard } from '../followup/RecommendationsDashboard';
import { PartnerAlerts } from '../partners/PartnerAlerts';
import { PlanningDashboard } from '../planning/components/PlanningDashboard';

const RECENT = 8;

/**
 * Most recently changed first when the list carries updatedAt; otherwise newest first by id
 * (uuidv7 ids grow with creation time).
 */
export function recentBodies(bodies: readonly BodyListItem[], count = RECENT): BodyListItem[] {
  const stamp = (b: BodyListItem) => {
    const updatedAt = (b as { updatedAt?: unknown }).updatedAt;
    return typeof updatedAt === 'string' ? updatedAt : '';
  };
  return [...bodies]
    .sort((a, b) => stamp(b).localeCompare(stamp(a)) || b.id.localeCompare(a.id))
    .slice(0, count);
}

function Stat({
  label,
  value,
  to,
  loading,
}: {
  label: string;
  value: number | undefined;
  to: string;
  loading: boolean;
}) {
  const lang = useLanguage();
  return (
    <Paper
      withBorder
      p="md"
      component="a"
      href={hrefOf(to)}
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {loading ? (
        <Loader size="sm" mt={6} />
      ) : (
        <Text fz={32} fw={700} lh={1.2}>
          {(value ?? 0).toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR')}
        </Text>
      )}
    </Paper>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const settings = useRpc('settings.get', {});
  const bodies = useRpc('bodies.list', { status: 'active' });
  const organisations = useRpc('organisations.list', {});
  const people = useRpc('people.list', {});
  const recent = recentBodies(bodies.data ?? []);
  const name = settings.data?.userName.trim();

  return (
    <Stack gap="lg">
      <PageHeader
        title={name ? t('welcome.home.greetingNamed', { name }) : t('welcome.home.greeting')}
        subtitle={t('welcome.home.subtitle')}
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <Stat
          label={t('welcome.home.activeBodies')}
          value={bodies.data?.length}
          to="/bodies"
          loading={bodies.isLoading}
        />
        <Stat
          label={t('welcome.home.organisations')}
          value={organisations.data?.length}
          to="/organisations"
          loading={organisations.isLoading}
        />
        <Stat
          label={t('welcome.home.people')}
          value={people.data?.length}
          to="/people"
          loading={people.isLoading}
        />
      </SimpleGrid>

      <Group gap="sm">
        <Button component="a" href={hrefOf('/bodies/new')}>
          {t('welcome.home.newBody')}
        </Button>
        <Button component="a" href={hrefOf('/organisations/new')} variant="light">
          {t('welcome.home.newOrganisation')}
        </Button>
        <Button component="a" href={hrefOf('/people/new')} variant="light">
          {t('welcome.home.newPerson')}
        </Button>
        <Button component="a" href={hrefOf('/meetings/new')} variant="light">
          {t('planning.dashboard.newMeeting')}
        </Button>
      </Group>

      {/* Sessions only make sense once bodies exist; before that the empty state below says what to do. */}
      {(bodies.data ?? []).length > 0 ? <PlanningDashboard /> : null}

      {/* Shows itself only once the register holds at least one recommendation. */}
      <RecommendationsDashboard />

      {/* Conventions ending, evaluations due, silent partners; nothing while there is nothing to say. */}
      <PartnerAlerts />

      <Stack gap="xs">
        <Title order={3}>{t('welcome.home.recentBodies')}</Title>
        {bodies.isLoading ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : recent.length === 0 ? (
          <EmptyState
            title={t('welcome.home.noBodiesTitle')}
            text={t('welcome.home.noBodiesText')}
            action={
              <Button component="a" href={hrefOf('/bodies/new')}>
                {t('welcome.home.newBody')}
              </Button>
            }
          />
        ) : (
          <Paper withBorder>
            <Stack gap={0}>
              {recent.map((body, index) => (
                <Group
                  key={body.id}
                  justify="space-between"
                  px="md"
                  py="sm"
                  wrap="nowrap"
                  style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
                >
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Link to={`/bodies/${body.id}`} fw={500}>
                      {body.acronym ? `${body.acronym} — ${body.name}` : body.name}
                    </Link>
                    <Text size="xs" c="dimmed">
                      {[t(`vocab.bodyKind.${body.kind}`), body.territory?.label].filter(Boolean).join(' · ')}
                    </Text>
                  </Stack>
                  {body.isDemo ? <DemoBadge /> : null}
                </Group>
              ))}
            </Stack>
          </Paper>
        )}
        {recent.length > 0 ? (
          <Anchor href={hrefOf('/bodies')} size="sm">
            {t('welcome.home.allBodies')}
          </Anchor>
        ) : null}
      </Stack>
    </Stack>
  );
}
