import {
  AppShell,
  Badge,
  Burger,
  createTheme,
  Group,
  Kbd,
  MantineProvider,
  NavLink,
  ScrollArea,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { SafetyGate } from '../features/safety/SafetyGate';
import { SearchSpotlight, searchSpotlight } from '../features/search/SearchSpotlight';
import { DemoBanner } from '../features/welcome/DemoBanner';
import { WelcomeModal } from '../features/welcome/WelcomeModal';
import { i18n, normaliseLanguage, setLanguage, useLanguage } from './i18n';
import { AppRoutes, hrefOf, useRoute } from './router';
import { bridge, useBackendEvents, useRpc } from './rpc';

// Calm and legible on modest screens: one accent colour, small radii, system fonts.
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  headings: { fontWeight: '600' },
  components: {
    // Status and kind badges carry short words that must be read whole, even in tight table cells.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, overflow: 'visible' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
  },
});

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Local data, one user: a short freshness window avoids refetch storms when pages mount.
      queries: { staleTime: 5_000, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

function DatesFromLanguage({ children }: { children: ReactNode }) {
  const lang = useLanguage();
  return <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/** Everything a screen needs around it (theme, data cache, translations, dates, notifications). */
export function AppProviders({
  children,
  queryClient,
  env = 'default',
}: {
  children: ReactNode;
  queryClient?: QueryClient;
  /** 'test' turns off Mantine's transitions and portals (jsdom tests). */
  env?: 'default' | 'test';
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
        <QueryClientProvider client={client}>
          <DatesFromLanguage>
            <Notifications position="bottom-right" limit={4} />
            {children}
          </DatesFromLanguage>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

const NAV_ITEMS = [
  { to: '/', key: 'nav.home' },
  { to: '/bodies', key: 'nav.bodies' },
  { to: '/calendar', key: 'nav.calendar' },
  { to: '/meetings', key: 'nav.meetings' },
  { to: '/regularity', key: 'nav.regularity' },
  { to: '/recommendations', key: 'nav.recommendations' },
  { to: '/roadmaps', key: 'nav.roadmaps' },
  { to: '/organisations', key: 'nav.organisations' },
  { to: '/people', key: 'nav.people' },
  { to: '/territories', key: 'nav.territories' },
  { to: '/imports', key: 'nav.imports' },
  { to: '/coverage', key: 'nav.coverage' },
  { to: '/exports', key: 'nav.exports' },
  { to: '/trash', key: 'nav.trash' },
  { to: '/settings', key: 'nav.settings' },
  { to: '/about', key: 'nav.about' },
] as const;

function isActive(item: string, path: string): boolean {
  return item === '/' ? path === '/' : path === item || path.startsWith(`${item}/`);
}

/** Applies the saved language once settings are known, and follows later changes. */
function useSavedLanguage(): void {
  const settings = useRpc('settings.get', {});
  const saved = settings.data?.language;
  useEffect(() => {
    if (saved) void setLanguage(normaliseLanguage(saved));
  }, [saved]);
}

/** The application menu (Electron) asks for a page: 'app:navigate' with the path as payload. */
function useMenuNavigation(): void {
  useEffect(
    () =>
      bridge().subscribe('app:navigate', (payload) => {
        if (typeof payload === 'string') window.location.hash = hrefOf(payload);
      }),
    [],
  );
}

function isMac(): boolean {
  try {
    return bridge().info.platform === 'darwin';
  } catch {
    return false;
  }
}

function SearchButton() {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      onClick={() => searchSpotlight.open()}
      aria-label={t('search.open')}
      px="sm"
      py={6}
      style={{
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 'var(--mantine-radius-sm)',
        background: 'var(--mantine-color-white)',
        minWidth: 220,
      }}
    >
      <Group justify="space-between" gap="lg" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('nav.search')}
        </Text>
        <Kbd size="xs">{isMac() ? t('nav.searchShortcutMac') : t('nav.searchShortcut')}</Kbd>
      </Group>
    </UnstyledButton>
  );
}

/** The window: header with search, navigation on the left, the current page on the right. */
export function Shell() {
  const { t } = useTranslation();
  const { path } = useRoute();
  const [opened, { toggle, close }] = useDisclosure(false);
  useBackendEvents();
  useSavedLanguage();
  useMenuNavigation();

  useEffect(() => {
    document.title = 'Concerto';
  }, []);
  // On a narrow window the menu is a drawer: close it once a page is chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every page change by design
  useEffect(() => close(), [path, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggleMenu')}
            />
            <Text
              component="a"
              href={hrefOf('/')}
              fw={700}
              size="lg"
              c="teal.8"
              style={{ textDecoration: 'none' }}
            >
              {t('common.appName')}
            </Text>
          </Group>
          <SearchButton />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')} component="nav">
        <AppShell.Section grow component={ScrollArea}>
          {NAV_ITEMS.map((item) => {
            const active = isActive(item.to, path);
            return (
              <NavLink
                key={item.to}
                href={hrefOf(item.to)}
                label={t(item.key)}
                active={active}
                aria-current={active ? 'page' : undefined}
                variant="light"
              />
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <DemoBanner />
        <AppRoutes />
      </AppShell.Main>
      <SearchSpotlight />
      <WelcomeModal />
    </AppShell>
  );
}

export function App() {
  return (
    <AppProviders>
      {/* In safe mode the window is the safe-mode screen: the shell's pages could not load. */}
      <SafetyGate>
        <Shell />
      </SafetyGate>
    </AppProviders>
  );
}
