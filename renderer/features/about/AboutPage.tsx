import { Alert, Anchor, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { bridge, useRpc } from '../../app/rpc';
import { PageHeader } from '../../components/PageHeader';

/** Software Concerto is built with and ships: name, licence, home page. */
const SOFTWARE: readonly { name: string; licence: string; url: string }[] = [
  { name: 'Electron', licence: 'MIT', url: 'https://www.electronjs.org/' },
  { name: 'React', licence: 'MIT', url: 'https://react.dev/' },
  { name: 'Mantine', licence: 'MIT', url: 'https://mantine.dev/' },
  { name: 'TanStack Query', licence: 'MIT', url: 'https://tanstack.com/query' },
  { name: 'i18next / react-i18next', licence: 'MIT', url: 'https://www.i18next.com/' },
  { name: 'Day.js', licence: 'MIT', url: 'https://day.js.org/' },
  { name: 'SQLite', licence: 'Domaine public / Public domain', url: 'https://sqlite.org/' },
  { name: 'better-sqlite3', licence: 'MIT', url: 'https://github.com/WiseLibs/better-sqlite3' },
  { name: 'Kysely', licence: 'MIT', url: 'https://kysely.dev/' },
  { name: 'Zod', licence: 'MIT', url: 'https://zod.dev/' },
];

function hostVersion(): string | null {
  try {
    return bridge().info.version;
  } catch {
    return null;
  }
}

export function AboutPage() {
  const { t } = useTranslation();
  const info = useRpc('system.info', {});
  const credits = useRpc('system.credits', {});
  const version = info.data?.appVersion ?? hostVersion();

  return (
    <Stack gap="xl" maw={900}>
      <PageHeader title={t('about.title')} subtitle={version ? t('about.version', { version }) : undefined} />

      <Stack gap="xs">
        <Text>{t('about.what')}</Text>
        <Text>{t('about.offline')}</Text>
        {info.data ? (
          <Text size="sm" c="dimmed">
            {t('about.schema', { version: info.data.schemaVersion })}
          </Text>
        ) : null}
      </Stack>

      <Stack gap="sm">
        <Title order={3}>{t('about.dataTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('about.dataHint')}
        </Text>
        {credits.isLoading ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
        {credits.error ? <Alert color="red">{errorMessage(credits.error, t)}</Alert> : null}
        {credits.data && credits.data.length === 0 ? <Text c="dimmed">{t('about.noCredits')}</Text> : null}
        {credits.data?.map((credit) => (
          <Paper key={credit.name} withBorder p="sm">
            <Text fw={600}>{credit.name}</Text>
            <Text size="sm">{credit.what}</Text>
            <Text size="sm" c="dimmed">
              {t('about.licence', { licence: credit.licence })}
              {credit.url ? (
                <>
                  {' · '}
                  <Anchor href={credit.url} target="_blank" rel="noreferrer" size="sm">
                    {credit.url}
                  </Anchor>
                </>
              ) : null}
            </Text>
          </Paper>
        ))}
      </Stack>

      <Stack gap="sm">
        <Title order={3}>{t('about.softwareTitle')}</Title>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('about.software')}</Table.Th>
              <Table.Th>{t('about.licenceColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SOFTWARE.map((s) => (
              <Table.Tr key={s.name}>
                <Table.Td>
                  <Anchor href={s.url} target="_blank" rel="noreferrer">
                    {s.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{s.licence}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}
