import { BarChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/domain/dates';
import type { Intervention } from '../../../shared/rpc/partners';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { Link } from '../../app/navigation';
import { useRpc } from '../../app/rpc';
import { ExportSpreadsheetButton } from '../exports/ExportSpreadsheetButton';
import { formatCount, formatPeriod } from './format';

const PAGE = 50;

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </Paper>
  );
}

/** Targeted or reached people: the total, or women + men when only those are given. */
function peopleTotal(p: Intervention['targeted']): number | null {
  if (p.total !== null) return p.total;
  if (p.women === null && p.men === null) return null;
  return (p.women ?? 0) + (p.men ?? 0);
}

/**
 * An organisation's interventions as its 3W matrices reported them: how many, in which sectors
 * and zones, when it last reported; then the list itself with where each row came from.
 */
export function InterventionsTab({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [offset, setOffset] = useState(0);
  const profile = useRpc('partners.profile', { organisationId });
  const list = useRpc('interventions.list', { organisationId, limit: PAGE, offset });

  if (profile.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (profile.error) return <Alert color="red">{errorMessage(profile.error, t)}</Alert>;
  const p = profile.data;
  if (!p) return null;

  const chart = p.sectors.map((s) => ({
    sector: t(`vocab.sector.${s.sector}`),
    interventions: s.interventions,
  }));
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label={t('partners.profile.interventions')}>{formatCount(p.interventions, lang)}</Figure>
        <Figure label={t('partners.profile.lastReported')}>
          {p.lastReportedOn ? formatDate(p.lastReportedOn, lang) : t('partners.profile.never')}
        </Figure>
        <Figure label={t('partners.profile.sectors')}>{formatCount(p.sectors.length, lang)}</Figure>
      </SimpleGrid>

      {p.interventions === 0 ? (
        <Alert color="gray">
          <Stack gap="xs">
            <Text size="sm">{t('partners.interventions.empty')}</Text>
            <Link to="/imports/new" size="sm">
              {t('partners.interventions.importLink')}
            </Link>
          </Stack>
        </Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="xs">
              <Title order={4}>{t('partners.profile.sectorsChart')}</Title>
              {chart.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('partners.profile.noSectors')}
                </Text>
              ) : (
                <>
                  <BarChart
                    h={Math.max(160, chart.length * 32)}
                    data={chart}
                    dataKey="sector"
                    orientation="vertical"
                    yAxisProps={{ width: 180 }}
                    xAxisProps={{ allowDecimals: false }}
                    series={[
                      { name: 'interventions', label: t('partners.profile.interventions'), color: 'blue.6' },
                    ]}
                    withTooltip={false}
                  />
                  <Group gap={6}>
                    {p.sectors.map((s) => (
                      <Badge key={s.sector} variant="light" tt="none">
                        {t('partners.profile.zoneCount', {
                          label: t(`vocab.sector.${s.sector}`),
                          count: s.interventions,
                        })}
                      </Badge>
                    ))}
                  </Group>
                </>
              )}
            </Stack>
            <Stack gap="xs">
              <Title order={4}>{t('partners.profile.zones')}</Title>
              {p.zones.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('partners.profile.noZones')}
                </Text>
              ) : (
                <Group gap={6}>
                  {p.zones.map((z) => (
                    <Link key={z.territory.id} to={`/territories/${z.territory.id}`} size="sm">
                      {t('partners.profile.zoneCount', { label: z.territory.label, count: z.interventions })}
                    </Link>
                  ))}
                </Group>
              )}
            </Stack>
          </SimpleGrid>

          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={4}>{t('partners.interventions.title')}</Title>
              <ExportSpreadsheetButton
                size="xs"
                request={{ kind: 'interventions', filter: {}, organisationId }}
              />
            </Group>
            {list.error ? <Alert color="red">{errorMessage(list.error, t)}</Alert> : null}
            <Table.ScrollContainer minWidth={900}>
              <Table striped aria-label={t('partners.interventions.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('partners.interventions.columns.activity')}</Table.Th>
                    <Table.Th>{t('partners.interventions.columns.sector')}</Table.Th>
                    <Table.Th>{t('partners.interventions.columns.place')}</Table.Th>
                    <Table.Th>{t('partners.interventions.columns.status')}</Table.Th>
                    <Table.Th>{t('partners.interventions.columns.period')}</Table.Th>
                    <Table.Th ta="right">{t('partners.interventions.columns.targeted')}</Table.Th>
                    <Table.Th ta="right">{t('partners.interventions.columns.reached')}</Table.Th>
                    <Table.Th>{t('partners.interventions.columns.source')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text size="sm">{r.activity}</Text>
                        {r.targetGroup ? (
                          <Text size="xs" c="dimmed">
                            {t('partners.interventions.targetGroup', { group: r.targetGroup })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{r.sector ? t(`vocab.sector.${r.sector}`) : '—'}</Table.Td>
                      <Table.Td>
                        {r.territory ? (
                          <Link to={`/territories/${r.territory.id}`} size="sm">
                            {r.territory.label}
                          </Link>
                        ) : (
                          (r.placeLabel ?? '—')
                        )}
                      </Table.Td>
                      <Table.Td>{r.status ? t(`vocab.interventionStatus.${r.status}`) : '—'}</Table.Td>
                      <Table.Td>{formatPeriod(r.startDate, r.endDate, lang, t)}</Table.Td>
                      <Table.Td ta="right">{formatCount(peopleTotal(r.targeted), lang)}</Table.Td>
                      <Table.Td ta="right">{formatCount(peopleTotal(r.reached), lang)}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {r.source.file
                            ? r.source.row !== null
                              ? t('partners.interventions.sourceRow', {
                                  file: r.source.file,
                                  row: r.source.row,
                                })
                              : r.source.file
                            : '—'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {total > PAGE ? (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('partners.interventions.range', {
                    from: offset + 1,
                    to: Math.min(offset + PAGE, total),
                    total,
                  })}
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    disabled={offset === 0}
                    onClick={() => setOffset(Math.max(0, offset - PAGE))}
                  >
                    {t('partners.interventions.previous')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={offset + PAGE >= total}
                    onClick={() => setOffset(offset + PAGE)}
                  >
                    {t('partners.interventions.next')}
                  </Button>
                </Group>
              </Group>
            ) : null}
          </Stack>
        </>
      )}
    </Stack>
  );
}
