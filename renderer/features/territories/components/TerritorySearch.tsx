import { Code, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from '../../../../shared/domain/vocabularies';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { type CountrySummary, levelName } from '../levels';

const SEPARATOR = ' › ';

/** The backend's path ends with the territory itself ("Mopti › Ténenkou"); the column shows where it is. */
function parentPath(path: string, name: string): string {
  const parts = path.split(SEPARATOR);
  if (parts[parts.length - 1] === name) parts.pop();
  return parts.join(SEPARATOR);
}

/** Finds a territory by name, other name or P-code; accents and case are ignored by the backend. */
export function TerritorySearch({
  countryCode,
  summary,
}: {
  countryCode: CountryCode;
  summary: CountrySummary | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const active = debounced.length >= 2;
  const results = useRpc(
    'territories.search',
    { text: debounced, countryCode, limit: 50 },
    { enabled: active, placeholderData: keepPreviousData },
  );

  return (
    <Stack gap="xs">
      <TextInput
        label={t('territories.list.search')}
        placeholder={t('territories.list.searchPlaceholder')}
        description={t('territories.list.searchHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maw={480}
        type="search"
      />
      {text.trim().length === 1 ? (
        <Text size="sm" c="dimmed">
          {t('territories.list.searchTooShort')}
        </Text>
      ) : null}
      {active && results.data ? (
        results.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('territories.list.noResult', { text: debounced })}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover aria-label={t('territories.list.results')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('territories.columns.name')}</Table.Th>
                  <Table.Th>{t('territories.columns.level')}</Table.Th>
                  <Table.Th>{t('territories.columns.path')}</Table.Th>
                  <Table.Th>{t('territories.columns.pcode')}</Table.Th>
                  <Table.Th>{t('territories.columns.aliases')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Link to={`/territories/${r.id}`}>{r.name}</Link>
                    </Table.Td>
                    <Table.Td>{levelName(summary, r.level, lang, t)}</Table.Td>
                    <Table.Td>{parentPath(r.path, r.name)}</Table.Td>
                    <Table.Td>{r.pcode ? <Code>{r.pcode}</Code> : null}</Table.Td>
                    <Table.Td>{r.aliases.join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      ) : null}
    </Stack>
  );
}
