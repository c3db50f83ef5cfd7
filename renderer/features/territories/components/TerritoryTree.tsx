import { ActionIcon, Alert, Box, Code, Group, Loader, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import type { CountryCode } from '../../../../shared/domain/vocabularies';
import type { Territory } from '../../../../shared/rpc/territories';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { type CountrySummary, deepestLevel, levelName } from '../levels';

interface TreeProps {
  countryCode: CountryCode;
  summary: CountrySummary | undefined;
}

function sortByName(list: readonly Territory[]): Territory[] {
  return [...list].sort((a, b) => compareFr(a.name, b.name));
}

/**
 * The administrative divisions, one level at a time: only the first level is loaded at once and
 * each row loads its subdivisions when opened (a country has hundreds of communes).
 */
export function TerritoryTree({ countryCode, summary }: TreeProps) {
  const { t } = useTranslation();
  const top = useRpc('territories.list', { countryCode, level: 1 });
  const rows = useMemo(() => sortByName(top.data ?? []), [top.data]);

  if (top.isPending) return <Loader size="sm" aria-label={t('territories.list.loading')} />;
  if (top.isError) return <Alert color="red">{errorMessage(top.error, t)}</Alert>;
  if (rows.length === 0) return <Text c="dimmed">{t('territories.list.noTerritories')}</Text>;
  return (
    <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {rows.map((territory) => (
        <TreeRow key={territory.id} territory={territory} summary={summary} depth={0} />
      ))}
    </Box>
  );
}

function TreeRow({
  territory,
  summary,
  depth,
}: {
  territory: Territory;
  summary: CountrySummary | undefined;
  depth: number;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [open, setOpen] = useState(false);
  const expandable = territory.level < deepestLevel(summary);
  const children = useRpc(
    'territories.list',
    { countryCode: territory.countryCode as CountryCode, parentId: territory.id },
    { enabled: open },
  );
  const rows = useMemo(() => sortByName(children.data ?? []), [children.data]);

  return (
    <Box component="li" pl={depth === 0 ? 0 : 'lg'}>
      <Group gap="xs" wrap="nowrap" py={3} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        {expandable ? (
          <ActionIcon
            variant="subtle"
            size="sm"
            color="gray"
            aria-expanded={open}
            aria-label={t(open ? 'territories.list.collapse' : 'territories.list.expand', {
              name: territory.name,
            })}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </ActionIcon>
        ) : (
          <Box w={22} />
        )}
        <Link to={`/territories/${territory.id}`}>{territory.name}</Link>
        <Text size="xs" c="dimmed">
          {levelName(summary, territory.level, lang, t)}
        </Text>
        {territory.pcode ? <Code>{territory.pcode}</Code> : null}
        {territory.aliases.length > 0 ? (
          <Text size="xs" c="dimmed" truncate>
            ({territory.aliases.join(', ')})
          </Text>
        ) : null}
      </Group>
      {open ? (
        children.isPending ? (
          <Loader size="xs" ml="xl" my={4} aria-label={t('territories.list.loading')} />
        ) : children.isError ? (
          <Alert color="red">{errorMessage(children.error, t)}</Alert>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" pl="xl" py={2}>
            {t('territories.list.noChildren')}
          </Text>
        ) : (
          <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {rows.map((child) => (
              <TreeRow key={child.id} territory={child} summary={summary} depth={depth + 1} />
            ))}
          </Box>
        )
      ) : null}
    </Box>
  );
}
