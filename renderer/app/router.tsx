import { Button, Stack, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AboutPage } from '../features/about/AboutPage';
import { BodiesPage } from '../features/bodies/pages/BodiesPage';
import { BodyFormPage } from '../features/bodies/pages/BodyFormPage';
import { BodyPage } from '../features/bodies/pages/BodyPage';
import { CoveragePage } from '../features/coverage/CoveragePage';
import { ExportLogPage } from '../features/exports/ExportLogPage';
import { HomePage } from '../features/home/HomePage';
import { ImportsPage } from '../features/imports/pages/ImportsPage';
import { ImportWizardPage } from '../features/imports/pages/ImportWizardPage';
import { MeetingFormPage } from '../features/meetings/pages/MeetingFormPage';
import { MeetingPage } from '../features/meetings/pages/MeetingPage';
import { MeetingsPage } from '../features/meetings/pages/MeetingsPage';
import { OrganisationFormPage } from '../features/organisations/pages/OrganisationFormPage';
import { OrganisationPage } from '../features/organisations/pages/OrganisationPage';
import { OrganisationsPage } from '../features/organisations/pages/OrganisationsPage';
import { PeoplePage } from '../features/people/pages/PeoplePage';
import { PersonFormPage } from '../features/people/pages/PersonFormPage';
import { PersonPage } from '../features/people/pages/PersonPage';
import { CalendarPage } from '../features/planning/pages/CalendarPage';
import { RegularityPage } from '../features/planning/pages/RegularityPage';
import { RecommendationFormPage } from '../features/recommendations/pages/RecommendationFormPage';
import { RecommendationPage } from '../features/recommendations/pages/RecommendationPage';
import { RecommendationsPage } from '../features/recommendations/pages/RecommendationsPage';
import { RoadmapPage } from '../features/recommendations/pages/RoadmapPage';
import { RoadmapsPage } from '../features/recommendations/pages/RoadmapsPage';
import { BackupsPage } from '../features/safety/BackupsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TerritoriesPage } from '../features/territories/pages/TerritoriesPage';
import { TerritoryPage } from '../features/territories/pages/TerritoryPage';
import { TrashPage } from '../features/trash/TrashPage';
import { hrefOf, matchPath, type Params, type RoutePattern, useRoute } from './navigation';

export {
  currentPath,
  hrefOf,
  Link,
  type LinkProps,
  matchPath,
  matchPattern,
  navigate,
  ROUTE_PATTERNS,
  useRoute,
} from './navigation';

/** The page of each route (the record id, when there is one, is passed as a prop). */
const PAGES: Record<RoutePattern, (params: Params) => ReactNode> = {
  '/': () => <HomePage />,
  '/bodies': () => <BodiesPage />,
  '/bodies/new': () => <BodyFormPage />,
  '/bodies/:id': (p) => <BodyPage id={p.id ?? ''} />,
  '/bodies/:id/edit': (p) => <BodyFormPage id={p.id ?? ''} />,
  '/organisations': () => <OrganisationsPage />,
  '/organisations/new': () => <OrganisationFormPage />,
  '/organisations/:id': (p) => <OrganisationPage id={p.id ?? ''} />,
  '/organisations/:id/edit': (p) => <OrganisationFormPage id={p.id ?? ''} />,
  '/people': () => <PeoplePage />,
  '/people/new': () => <PersonFormPage />,
  '/people/:id': (p) => <PersonPage id={p.id ?? ''} />,
  '/people/:id/edit': (p) => <PersonFormPage id={p.id ?? ''} />,
  '/territories': () => <TerritoriesPage />,
  '/territories/:id': (p) => <TerritoryPage id={p.id ?? ''} />,
  '/calendar': () => <CalendarPage />,
  '/regularity': () => <RegularityPage />,
  '/meetings': () => <MeetingsPage />,
  // ?bodyId=&plannedDate=&kind= (from the calendar or a body's page) prefill the form.
  '/meetings/new': () => <MeetingFormPage />,
  '/meetings/:id': (p) => <MeetingPage id={p.id ?? ''} />,
  '/meetings/:id/edit': (p) => <MeetingFormPage id={p.id ?? ''} />,
  // ?bodyId=&organisationId=&status=&overdue=1&q=… (from a body's or an organisation's tab) filter the register.
  '/recommendations': () => <RecommendationsPage />,
  // ?bodyId=&meetingId=&agendaEntryId=&workingGroupId=&text= prefill the form.
  '/recommendations/new': () => <RecommendationFormPage />,
  '/recommendations/:id': (p) => <RecommendationPage id={p.id ?? ''} />,
  '/recommendations/:id/edit': (p) => <RecommendationFormPage id={p.id ?? ''} />,
  '/roadmaps': () => <RoadmapsPage />,
  '/roadmaps/:id': (p) => <RoadmapPage id={p.id ?? ''} />,
  '/imports': () => <ImportsPage />,
  // ?stagedId= resumes a staged file (from the list of files found on a USB stick).
  '/imports/new': () => <ImportWizardPage />,
  '/coverage': () => <CoveragePage />,
  '/settings': () => <SettingsPage />,
  '/settings/backups': () => <BackupsPage />,
  '/about': () => <AboutPage />,
  '/trash': () => <TrashPage />,
  '/exports': () => <ExportLogPage />,
};

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm">
      <Title order={2}>{t('common.notFound.title')}</Title>
      <Text c="dimmed">{t('common.notFound.text')}</Text>
      <Button component="a" href={hrefOf('/')} variant="light">
        {t('common.notFound.home')}
      </Button>
    </Stack>
  );
}

/** The page for the current hash. Keyed by path so that each record's page starts fresh. */
export function AppRoutes() {
  const { path } = useRoute();
  const matched = matchPath(path);
  if (!matched) return <NotFoundPage />;
  return <Fragment key={path}>{PAGES[matched.pattern](matched.params)}</Fragment>;
}
