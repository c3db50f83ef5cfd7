import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/domain/dates';
import { compareFr } from '../../../shared/domain/text';
import type { OutputOf } from '../../../shared/rpc';
import type { CoverageFilter } from '../../../shared/rpc/partners';
import { useLanguage } from '../../app/i18n';
import { Link } from '../../app/navigation';
import { useRpc } from '../../app/rpc';
import { ListState } from '../../components/ListState';
import { ExportSpreadsheetButton } from '../exports/ExportSpreadsheetButton';
import { formatCount, formatPeriod } from '../partners/format';

type Matrix = OutputOf<'coverage.matrix'>;

/** Cell shading: the more actors, the deeper the blue (text stays readable up to the darkest). */
function shade(value: number, max: number): string | undefined {
  if (value <= 0 || max <= 0) return undefined;
  const alpha = 0.12 + 0.5 * (value / max);
  return `rgba(34, 139, 230, ${alpha.toFixed(2)})`;
}

function ViewHeader({ hint, children }: { hint?: string; children: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start">
      {hint ? (
        <Text size="sm" c="dimmed" maw={640}>
          {hint}
        </Text>
      ) : (
        <span />
      )}
      {children}
    </Group>
  );
}

/** Territories × sectors: actors (and activities in small text) in each cell, with totals. */
export function MatrixView({
  matrix,
  filter,
  level,
  territoryId,
}: {
  matrix: Matrix;
  filter: CoverageFilter;
  level: 1 | 2;
  territoryId: string | null;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cells = new Map(matrix.cells.map((c) => [`${c.territoryId}|${c.sector}`, c]));
  const territories = matrix.territories
    .filter((x) => territoryId === null || x.id === territoryId)
    .sort((a, b) => compareFr(a.parent ?? '', b.parent ?? '') || compareFr(a.label, b.label));
  const max = Math.max(0, ...matrix.cells.map((c) => c.actors));
  const sum = (pick: (c: Matrix['cells'][number]) => number, keep: (c: Matrix['cells'][number]) => boolean) =>
    matrix.cells
      .filter((c) => keep(c) && (territoryId === null || c.territoryId === territoryId))
      .reduce((n, c) => n + pick(c), 0);

  return (
    <Stack gap="sm">
      <ViewHeader hint={t('coverage.matrix.totalsHint')}>
        <ExportSpreadsheetButton size="xs" request={{ kind: 'coverageMatrix', filter, level }} />
      </ViewHeader>
      {territories.length === 0 || matrix.sectors.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('coverage.matrix.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={240 + matrix.sectors.length * 110} maxHeight={620}>
          <Table withColumnBorders stickyHeader aria-label={t('coverage.matrix.tableLabel')} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('coverage.matrix.territory')}</Table.Th>
                {matrix.sectors.map((s) => (
                  <Table.Th key={s} ta="center">
                    {t(`vocab.sector.${s}`)}
                  </Table.Th>
                ))}
                <Table.Th ta="center">{t('coverage.matrix.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {territories.map((x) => {
                const rowActors = sum(
                  (c) => c.actors,
                  (c) => c.territoryId === x.id,
                );
                const rowActivities = sum(
                  (c) => c.activities,
                  (c) => c.territoryId === x.id,
                );
                return (
                  <Table.Tr key={x.id}>
                    <Table.Th scope="row">
                      <Text size="sm" fw={500}>
                        {x.label}
                      </Text>
                      {x.parent ? (
                        <Text size="xs" c="dimmed">
                          {x.parent}
                        </Text>
                      ) : null}
                    </Table.Th>
                    {matrix.sectors.map((s) => {
                      const c = cells.get(`${x.id}|${s}`);
                      const actors = c?.actors ?? 0;
                      const activities = c?.activities ?? 0;
                      return (
                        <Table.Td
                          key={s}
                          ta="center"
                          style={{ background: shade(actors, max) }}
                          aria-label={t('coverage.matrix.cell', {
                            territory: x.label,
                            sector: t(`vocab.sector.${s}`),
                            actors: t('coverage.matrix.actors', { count: actors }),
                            activities: t('coverage.matrix.activities', { count: activities }),
                          })}
                        >
                          {actors > 0 || activities > 0 ? (
                            <>
                              <Text size="sm" fw={600}>
                                {formatCount(actors, lang)}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {t('coverage.matrix.activities', { count: activities })}
                              </Text>
                            </>
                          ) : (
                            <Text size="xs" c="dimmed">
                              ·
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td ta="center">
                      <Text size="sm" fw={600}>
                        {formatCount(rowActors, lang)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('coverage.matrix.activities', { count: rowActivities })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('coverage.matrix.total')}</Table.Th>
                {matrix.sectors.map((s) => (
                  <Table.Td key={s} ta="center">
                    <Text size="sm" fw={600}>
                      {formatCount(
                        sum(
                          (c) => c.actors,
                          (c) => c.sector === s,
                        ),
                        lang,
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('coverage.matrix.activities', {
                        count: sum(
                          (c) => c.activities,
                          (c) => c.sector === s,
                        ),
                      })}
                    </Text>
                  </Table.Td>
                ))}
                <Table.Td ta="center">
                  <Text size="sm" fw={600}>
                    {formatCount(
                      sum(
                        (c) => c.actors,
                        () => true,
                      ),
                      lang,
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('coverage.matrix.activities', {
                      count: sum(
                        (c) => c.activities,
                        () => true,
                      ),
                    })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {matrix.unplaced > 0 ? (
        <Text size="xs" c="dimmed">
          {t('coverage.matrix.unplaced', { count: matrix.unplaced })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function OverlapsView({ filter, level }: { filter: CoverageFilter; level: 1 | 2 }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const overlaps = useRpc('coverage.overlaps', { ...filter, level });
  return (
    <Stack gap="sm">
      <ViewHeader hint={t('coverage.overlaps.hint')}>
        <ExportSpreadsheetButton size="xs" request={{ kind: 'overlaps', filter, level }} />
      </ViewHeader>
      <ListState query={overlaps} empty={t('coverage.overlaps.none')}>
        {(rows) => (
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label={t('coverage.overlaps.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('coverage.overlaps.territory')}</Table.Th>
                  <Table.Th>{t('coverage.overlaps.sector')}</Table.Th>
                  <Table.Th>{t('coverage.overlaps.targetGroup')}</Table.Th>
                  <Table.Th>{t('coverage.overlaps.organisations')}</Table.Th>
                  <Table.Th ta="right">{t('coverage.overlaps.interventions')}</Table.Th>
                  <Table.Th>{t('coverage.overlaps.period')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((o) => (
                  <Table.Tr key={`${o.territory.id}|${o.sector}|${o.targetGroup ?? ''}|${o.from ?? ''}`}>
                    <Table.Td>
                      <Link to={`/territories/${o.territory.id}`} size="sm">
                        {o.territory.label}
                      </Link>
                    </Table.Td>
                    <Table.Td>{t(`vocab.sector.${o.sector}`)}</Table.Td>
                    <Table.Td>{o.targetGroup ?? t('coverage.overlaps.anyGroup')}</Table.Td>
                    <Table.Td>
                      <Group gap={8}>
                        {o.organisations.map((org) => (
                          <Link key={org.id} to={`/organisations/${org.id}`} size="sm">
                            {org.label}
                          </Link>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{formatCount(o.interventions, lang)}</Table.Td>
                    <Table.Td>{formatPeriod(o.from, o.to, lang, t)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
    </Stack>
  );
}

export function GapsView({ filter, level }: { filter: CoverageFilter; level: 1 | 2 }) {
  const { t } = useTranslation();
  const gaps = useRpc('coverage.gaps', { ...filter, level });
  return (
    <Stack gap="sm">
      <ViewHeader hint={t('coverage.gaps.hint')}>
        <ExportSpreadsheetButton size="xs" request={{ kind: 'gaps', filter, level }} />
      </ViewHeader>
      <ListState query={gaps} empty={t('coverage.gaps.none')}>
        {(rows) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('coverage.gaps.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('coverage.gaps.territory')}</Table.Th>
                  <Table.Th>{t('coverage.gaps.parent')}</Table.Th>
                  <Table.Th>{t('coverage.gaps.missing')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((g) => (
                  <Table.Tr key={g.territory.id}>
                    <Table.Td>
                      <Link to={`/territories/${g.territory.id}`} size="sm">
                        {g.territory.label}
                      </Link>
                    </Table.Td>
                    <Table.Td>{g.parent ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {g.missingSectors.map((s) => (
                          <Badge key={s} variant="light" color="orange" tt="none">
                            {t(`vocab.sector.${s}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
    </Stack>
  );
}

function silenceColor(quarters: number): string {
  return quarters <= 0 ? 'teal' : quarters === 1 ? 'yellow' : 'red';
}

export function FreshnessView() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const freshness = useRpc('coverage.freshness', {});
  return (
    <Stack gap="sm">
      <ViewHeader hint={t('coverage.freshness.hint')}>
        <ExportSpreadsheetButton size="xs" request={{ kind: 'freshness' }} />
      </ViewHeader>
      <ListState query={freshness} empty={t('coverage.freshness.none')}>
        {(rows) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('coverage.freshness.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('coverage.freshness.organisation')}</Table.Th>
                  <Table.Th ta="right">{t('coverage.freshness.interventions')}</Table.Th>
                  <Table.Th>{t('coverage.freshness.lastReport')}</Table.Th>
                  <Table.Th>{t('coverage.freshness.silence')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((f) => (
                  <Table.Tr key={f.organisation.id}>
                    <Table.Td>
                      <Link to={`/organisations/${f.organisation.id}`} size="sm">
                        {f.organisation.label}
                      </Link>
                    </Table.Td>
                    <Table.Td ta="right">{formatCount(f.interventions, lang)}</Table.Td>
                    <Table.Td>
                      {f.lastReportedOn ? formatDate(f.lastReportedOn, lang) : t('coverage.freshness.never')}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={silenceColor(f.quartersSilent)} variant="light" tt="none">
                        {f.quartersSilent <= 0
                          ? t('coverage.freshness.upToDate')
                          : t('coverage.freshness.quarters', { count: f.quartersSilent })}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
    </Stack>
  );
}
