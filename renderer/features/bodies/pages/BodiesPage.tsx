import {
  Alert,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useLocalStorage } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BODY_KINDS,
  BODY_LEVELS,
  type BodyKind,
  type BodyLevel,
} from '../../../../shared/domain/vocabularies';
import { errorMessage } from '../../../app/errors';
import { hrefOf } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { TerritoryPicker } from '../../../components/TerritoryPicker';
import { BodyTable } from '../components/BodyTable';
import { BodyTree } from '../components/BodyTree';

type View = 'tree' | 'table';
type StatusFilter = 'active' | 'closed' | 'all';

function isKind(v: string | null): v is BodyKind {
  return v !== null && (BODY_KINDS as readonly string[]).includes(v);
}
function isLevel(v: string | null): v is BodyLevel {
  return v !== null && (BODY_LEVELS as readonly string[]).includes(v);
}

/** The registry of bodies: a tree of parents and sub-bodies, or a table to filter. */
export function BodiesPage() {
  const { t } = useTranslation();
  // The secretary's preferred view survives a restart.
  const [view, setView] = useLocalStorage<View>({ key: 'concerto.bodies.view', defaultValue: 'tree' });
  const [text, setText] = useState('');
  const [kind, setKind] = useState<BodyKind | null>(null);
  const [level, setLevel] = useState<BodyLevel | null>(null);
  const [territoryId, setTerritoryId] = useState<string | null>(null);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [debouncedText] = useDebouncedValue(text.trim(), 250);

  // Every body, for the tree and to tell "nothing yet" from "nothing matches".
  const all = useRpc('bodies.list', { status: 'all' });
  const filtered = useRpc(
    'bodies.list',
    {
      status,
      ...(debouncedText ? { text: debouncedText } : {}),
      ...(kind ? { kind } : {}),
      ...(level ? { level } : {}),
      ...(territoryId ? { territoryId } : {}),
    },
    { enabled: view === 'table', placeholderData: keepPreviousData },
  );

  const filtersActive = !!debouncedText || !!kind || !!level || !!territoryId || status !== 'all';
  const resetFilters = () => {
    setText('');
    setKind(null);
    setLevel(null);
    setTerritoryId(null);
    setStatus('all');
  };

  const newButton = (
    <Button component="a" href={hrefOf('/bodies/new')}>
      {t('bodies.list.new')}
    </Button>
  );

  let content: ReactNode;
  if (all.isLoading) {
    content = <Loader size="sm" aria-label={t('bodies.list.loading')} />;
  } else if (all.error) {
    content = <Alert color="red">{errorMessage(all.error, t)}</Alert>;
  } else if ((all.data ?? []).length === 0) {
    content = (
      <EmptyState
        title={t('bodies.list.emptyTitle')}
        text={t('bodies.list.emptyText')}
        action={
          <Button component="a" href={hrefOf('/bodies/new')}>
            {t('bodies.list.emptyAction')}
          </Button>
        }
      />
    );
  } else if (view === 'tree') {
    content = <BodyTree bodies={all.data ?? []} />;
  } else {
    const rows = filtered.data ?? [];
    content = (
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('bodies.list.filters.text')}
            placeholder={t('bodies.list.filters.textPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={240}
          />
          <Select
            label={t('bodies.list.filters.kind')}
            placeholder={t('bodies.list.filters.allKinds')}
            data={BODY_KINDS.map((k) => ({ value: k, label: t(`vocab.bodyKind.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(isKind(v) ? v : null)}
            clearable
            searchable
            w={220}
          />
          <Select
            label={t('bodies.list.filters.level')}
            placeholder={t('bodies.list.filters.allLevels')}
            data={BODY_LEVELS.map((l) => ({ value: l, label: t(`vocab.bodyLevel.${l}`) }))}
            value={level}
            onChange={(v) => setLevel(isLevel(v) ? v : null)}
            clearable
            w={200}
          />
          <div style={{ width: 260 }}>
            <TerritoryPicker
              label={t('bodies.list.filters.territory')}
              value={territoryId}
              onChange={setTerritoryId}
            />
          </div>
          <Select
            label={t('bodies.list.filters.status')}
            data={[
              { value: 'active', label: t('bodies.list.filters.statusActive') },
              { value: 'closed', label: t('bodies.list.filters.statusClosed') },
              { value: 'all', label: t('bodies.list.filters.statusAll') },
            ]}
            value={status}
            onChange={(v) => setStatus(v === 'active' || v === 'closed' ? v : 'all')}
            allowDeselect={false}
            w={150}
          />
          {filtersActive ? (
            <Button variant="subtle" onClick={resetFilters}>
              {t('bodies.list.filters.reset')}
            </Button>
          ) : null}
        </Group>
        {filtered.error ? <Alert color="red">{errorMessage(filtered.error, t)}</Alert> : null}
        {filtered.isLoading ? (
          <Loader size="sm" aria-label={t('bodies.list.loading')} />
        ) : rows.length === 0 ? (
          <EmptyState
            title={t('bodies.list.noMatchTitle')}
            text={t('bodies.list.noMatchText')}
            action={
              <Button variant="light" onClick={resetFilters}>
                {t('bodies.list.filters.reset')}
              </Button>
            }
          />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('bodies.list.count', { count: rows.length })}
            </Text>
            <BodyTable bodies={rows} />
          </>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('bodies.list.title')} subtitle={t('bodies.list.subtitle')} actions={newButton} />
      {(all.data ?? []).length > 0 ? (
        <SegmentedControl
          aria-label={t('bodies.list.viewLabel')}
          value={view}
          onChange={(v) => setView(v === 'table' ? 'table' : 'tree')}
          data={[
            { value: 'tree', label: t('bodies.list.viewTree') },
            { value: 'table', label: t('bodies.list.viewTable') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      ) : null}
      {content}
    </Stack>
  );
}
