import { Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_KINDS, type SearchHit, type SearchKind } from '../../../shared/rpc/search';
import { navigate } from '../../app/navigation';
import { useRpc } from '../../app/rpc';

const PATHS: Record<SearchKind, string> = {
  body: '/bodies',
  organisation: '/organisations',
  person: '/people',
  territory: '/territories',
};

/** The search dialog's own store: the header button opens it with `searchSpotlight.open()`. */
export const [searchStore, searchSpotlight] = createSpotlight();

/** The page of one search hit. */
export function pathOfHit(hit: Pick<SearchHit, 'kind' | 'id'>): string {
  return `${PATHS[hit.kind]}/${encodeURIComponent(hit.id)}`;
}

/** Groups hits by kind, in a fixed order, keeping the backend's ranking inside each group. */
export function groupHits(hits: readonly SearchHit[]): { kind: SearchKind; hits: SearchHit[] }[] {
  return SEARCH_KINDS.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) })).filter(
    (g) => g.hits.length > 0,
  );
}

/** Search everywhere (Ctrl+K / ⌘K, or the header button): instances, organisations, people, places. */
export function SearchSpotlight() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 120);
  const active = debounced.length > 0;
  const results = useRpc(
    'search.query',
    { text: debounced, limit: 40 },
    { enabled: active, placeholderData: keepPreviousData },
  );
  const groups = useMemo(() => (active ? groupHits(results.data ?? []) : []), [active, results.data]);

  // Spotlight selects the first action when the query changes, but the hits arrive later (the
  // search is debounced and asynchronous): select the first hit once it is there, so that Enter
  // opens it. The selection is the data-selected attribute Spotlight itself reads on Enter.
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const list = listRef.current;
    if (!list || groups.length === 0 || list.querySelector('[data-selected]')) return;
    const first = list.querySelector('[data-action]');
    if (!first) return;
    first.setAttribute('data-selected', 'true');
    searchStore.updateState((state) => ({ ...state, selected: 0 }));
  }, [groups]);

  return (
    <Spotlight.Root
      store={searchStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
      title={t('search.title')}
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        rightSection={results.isFetching ? <Loader size="xs" /> : null}
      />
      <Spotlight.ActionsList ref={listRef} aria-label={t('search.results')}>
        {groups.map((group) => (
          // Spotlight draws the label with CSS only: role and aria-label let screen readers say it.
          <Spotlight.ActionsGroup
            key={group.kind}
            label={t(`search.kind.${group.kind}`)}
            role="group"
            aria-label={t(`search.kind.${group.kind}`)}
          >
            {group.hits.map((hit) => (
              <Spotlight.Action
                key={`${hit.kind}:${hit.id}`}
                label={hit.title}
                description={hit.subtitle ?? undefined}
                onClick={() => navigate(pathOfHit(hit))}
              />
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {!active ? (
          <Spotlight.Empty>
            <Text size="sm" c="dimmed">
              {t('search.hint')}
            </Text>
          </Spotlight.Empty>
        ) : groups.length === 0 && !results.isFetching ? (
          <Spotlight.Empty>{t('search.nothingFound')}</Spotlight.Empty>
        ) : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
