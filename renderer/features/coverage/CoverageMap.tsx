import { Alert, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type CountryCode, SECTORS, type Sector } from '../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../shared/rpc';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { useRpc } from '../../app/rpc';
import { formatCount } from '../partners/format';
import { colorOf, fitProjection, pathOf, ringsOf, scaleClasses } from './map';

export type MapFigure = 'actors' | 'activities' | 'sectors';
type Matrix = OutputOf<'coverage.matrix'>;

/** The figure of each territory of the matrix, for the chosen figure and (optionally) one sector. */
export function territoryFigures(
  matrix: Matrix,
  figure: MapFigure,
  sector: Sector | null,
): Map<string, number> {
  const values = new Map<string, number>();
  for (const cell of matrix.cells) {
    if (figure !== 'sectors' && sector && cell.sector !== sector) continue;
    const add =
      figure === 'actors' ? cell.actors : figure === 'activities' ? cell.activities : cell.actors > 0 ? 1 : 0;
    values.set(cell.territoryId, (values.get(cell.territoryId) ?? 0) + add);
  }
  return values;
}

function isFigure(v: string | null): v is MapFigure {
  return v === 'actors' || v === 'activities' || v === 'sectors';
}
function isSector(v: string | null): v is Sector {
  return (SECTORS as readonly (string | null)[]).includes(v);
}

/**
 * The country coloured by a figure at level 1 or 2, from the simplified boundaries shipped with
 * Concerto (no tiles, no network). Hovering a territory names it with its value; clicking it
 * selects it (its figures appear beside the map and the matrix can be opened on it).
 */
export function CoverageMap({
  countryCode,
  level,
  levelName,
  matrix,
  figure,
  sector,
  onFigureChange,
  onSectorChange,
  selectedId,
  onSelect,
  onShowInMatrix,
}: {
  countryCode: CountryCode;
  level: 1 | 2;
  levelName: string;
  matrix: Matrix;
  figure: MapFigure;
  sector: Sector | null;
  onFigureChange: (figure: MapFigure) => void;
  onSectorChange: (sector: Sector | null) => void;
  selectedId: string | null;
  onSelect: (territoryId: string | null) => void;
  onShowInMatrix: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const boundaries = useRpc('coverage.boundaries', { countryCode, level });

  const drawn = useMemo(() => {
    const features = (boundaries.data ?? []).map((f) => ({ ...f, rings: ringsOf(f.geometry) }));
    const projection = fitProjection(features.flatMap((f) => f.rings));
    return {
      projection,
      features: features.map((f) => ({ pcode: f.pcode, name: f.name, d: pathOf(f.rings, projection) })),
    };
  }, [boundaries.data]);

  const byPcode = new Map(
    matrix.territories.filter((x) => x.pcode).map((x) => [x.pcode?.toUpperCase() ?? '', x] as const),
  );
  const values = territoryFigures(matrix, figure, sector);
  const max = Math.max(0, ...values.values());
  const classes = scaleClasses(max);
  const figureLabel = t(`coverage.map.${figure}`);
  const selected = selectedId ? matrix.territories.find((x) => x.id === selectedId) : undefined;
  const selectedCells = selected
    ? matrix.cells.filter((c) => c.territoryId === selected.id && (c.actors > 0 || c.activities > 0))
    : [];

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Select
          label={t('coverage.map.figure')}
          data={(['actors', 'activities', 'sectors'] as const).map((f) => ({
            value: f,
            label: t(`coverage.map.${f}`),
          }))}
          value={figure}
          onChange={(v) => {
            if (isFigure(v)) onFigureChange(v);
          }}
          allowDeselect={false}
          maw={220}
        />
        <Select
          label={t('coverage.map.sector')}
          placeholder={t('coverage.map.allSectors')}
          data={SECTORS.map((s) => ({ value: s, label: t(`vocab.sector.${s}`) }))}
          value={sector}
          onChange={(v) => onSectorChange(isSector(v) ? v : null)}
          clearable
          disabled={figure === 'sectors'}
          maw={320}
        />
      </Group>
      {boundaries.isLoading ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : boundaries.error ? (
        <Alert color="red">{errorMessage(boundaries.error, t)}</Alert>
      ) : drawn.features.length === 0 ? (
        <Alert color="gray">{t('coverage.map.noBoundaries')}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
          <Stack gap="xs" style={{ gridColumn: 'span 2' }}>
            <svg
              viewBox={`0 0 ${drawn.projection.width} ${drawn.projection.height}`}
              width="100%"
              role="img"
              aria-label={t('coverage.map.label', { figure: figureLabel, level: levelName })}
              style={{ maxHeight: 560, background: 'white' }}
            >
              <title>{t('coverage.map.label', { figure: figureLabel, level: levelName })}</title>
              {drawn.features.map((f) => {
                const territory = byPcode.get(f.pcode.toUpperCase());
                const value = territory ? (values.get(territory.id) ?? 0) : 0;
                const isSelected = territory !== undefined && territory.id === selectedId;
                const text = t('coverage.map.pathTitle', { name: f.name, value: formatCount(value, lang) });
                return (
                  // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it is given the role and keyboard handling instead
                  <path
                    key={f.pcode}
                    d={f.d}
                    data-pcode={f.pcode}
                    fill={colorOf(value, classes)}
                    fillRule="evenodd"
                    stroke={isSelected ? '#e8590c' : '#868e96'}
                    strokeWidth={isSelected ? 2 : 0.6}
                    role="button"
                    tabIndex={0}
                    aria-label={text}
                    style={{ cursor: 'pointer' }}
                    onClick={() => onSelect(territory && !isSelected ? territory.id : null)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        onSelect(territory && !isSelected ? territory.id : null);
                      }
                    }}
                  >
                    <title>{text}</title>
                  </path>
                );
              })}
            </svg>
            <Group gap="md" aria-label={t('coverage.map.legend')}>
              <Group gap={4}>
                <span
                  style={{
                    width: 14,
                    height: 14,
                    background: colorOf(0, classes),
                    border: '1px solid #adb5bd',
                  }}
                />
                <Text size="xs">{t('coverage.map.noData')}</Text>
              </Group>
              {classes.map((c) => (
                <Group gap={4} key={c.from}>
                  <span style={{ width: 14, height: 14, background: c.color, border: '1px solid #adb5bd' }} />
                  <Text size="xs">
                    {c.from === c.to
                      ? formatCount(c.from, lang)
                      : `${formatCount(c.from, lang)}–${formatCount(c.to, lang)}`}
                  </Text>
                </Group>
              ))}
            </Group>
            <Text size="xs" c="dimmed">
              {t('coverage.map.credits')}
            </Text>
          </Stack>
          <Paper withBorder p="sm" aria-label={t('coverage.map.selected')} component="section">
            {selected ? (
              <Stack gap="xs">
                <Text fw={600}>{selected.label}</Text>
                {selected.parent ? (
                  <Text size="xs" c="dimmed">
                    {selected.parent}
                  </Text>
                ) : null}
                {selectedCells.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('coverage.map.noActivity')}
                  </Text>
                ) : (
                  <Table withRowBorders={false} verticalSpacing={2}>
                    <Table.Tbody>
                      {selectedCells.map((c) => (
                        <Table.Tr key={c.sector}>
                          <Table.Td>
                            <Text size="sm">{t(`vocab.sector.${c.sector}`)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs">
                              {t('coverage.matrix.actors', { count: c.actors })} ·{' '}
                              {t('coverage.matrix.activities', { count: c.activities })}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={onShowInMatrix}>
                    {t('coverage.map.showInMatrix')}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => onSelect(null)}>
                    {t('coverage.map.close')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('coverage.map.selectHint')}
              </Text>
            )}
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}
