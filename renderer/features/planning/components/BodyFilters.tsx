import { Button, Group, MultiSelect, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import {
  BODY_KINDS,
  BODY_LEVELS,
  type BodyKind,
  type BodyLevel,
} from '../../../../shared/domain/vocabularies';
import { useRpc } from '../../../app/rpc';
import { bodyLabel } from '../../../components/BodyPicker';
import { foldFilter } from '../../../components/pickerFilter';
import { TerritoryPicker } from '../../../components/TerritoryPicker';

export interface BodyFilterValue {
  kind: BodyKind | null;
  level: BodyLevel | null;
  territoryId: string | null;
  bodyIds: string[];
}

export const NO_BODY_FILTER: BodyFilterValue = { kind: null, level: null, territoryId: null, bodyIds: [] };

/** The filter as the planning.* methods take it: absent keys mean "all". */
export function bodyFilterInput(value: BodyFilterValue): {
  kind?: BodyKind;
  level?: BodyLevel;
  territoryId?: string;
  bodyIds?: string[];
} {
  return {
    ...(value.kind ? { kind: value.kind } : {}),
    ...(value.level ? { level: value.level } : {}),
    ...(value.territoryId ? { territoryId: value.territoryId } : {}),
    ...(value.bodyIds.length > 0 ? { bodyIds: value.bodyIds } : {}),
  };
}

export function isFiltered(value: BodyFilterValue): boolean {
  return !!value.kind || !!value.level || !!value.territoryId || value.bodyIds.length > 0;
}

function isKind(v: string | null): v is BodyKind {
  return v !== null && (BODY_KINDS as readonly string[]).includes(v);
}
function isLevel(v: string | null): v is BodyLevel {
  return v !== null && (BODY_LEVELS as readonly string[]).includes(v);
}

/** Which bodies a planning view covers: by kind, level, territory, or a hand-picked list. */
export function BodyFilters({
  value,
  onChange,
  withBodies = true,
}: {
  value: BodyFilterValue;
  onChange: (next: BodyFilterValue) => void;
  /** Offers the hand-picked list of bodies (the calendar); the regularity table does without. */
  withBodies?: boolean;
}) {
  const { t } = useTranslation();
  const bodies = useRpc('bodies.list', {}, { enabled: withBodies });
  const bodyOptions = useMemo(
    () =>
      (bodies.data ?? [])
        .map((b) => ({ value: b.id, label: bodyLabel(b) }))
        .sort((a, b) => compareFr(a.label, b.label)),
    [bodies.data],
  );

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('planning.filters.kind')}
        placeholder={t('planning.filters.allKinds')}
        data={BODY_KINDS.map((k) => ({ value: k, label: t(`vocab.bodyKind.${k}`) }))}
        value={value.kind}
        onChange={(v) => onChange({ ...value, kind: isKind(v) ? v : null })}
        clearable
        searchable
        w={220}
      />
      <Select
        label={t('planning.filters.level')}
        placeholder={t('planning.filters.allLevels')}
        data={BODY_LEVELS.map((l) => ({ value: l, label: t(`vocab.bodyLevel.${l}`) }))}
        value={value.level}
        onChange={(v) => onChange({ ...value, level: isLevel(v) ? v : null })}
        clearable
        w={180}
      />
      <div style={{ width: 260 }}>
        <TerritoryPicker
          label={t('planning.filters.territory')}
          value={value.territoryId}
          onChange={(territoryId) => onChange({ ...value, territoryId })}
        />
      </div>
      {withBodies ? (
        <MultiSelect
          label={t('planning.filters.bodies')}
          placeholder={value.bodyIds.length === 0 ? t('planning.filters.allBodies') : undefined}
          data={bodyOptions}
          value={value.bodyIds}
          onChange={(bodyIds) => onChange({ ...value, bodyIds })}
          searchable
          clearable
          filter={foldFilter}
          limit={100}
          nothingFoundMessage={t('common.picker.nothingFound')}
          miw={260}
          maw={480}
        />
      ) : null}
      {isFiltered(value) ? (
        <Button variant="subtle" onClick={() => onChange(NO_BODY_FILTER)}>
          {t('planning.filters.reset')}
        </Button>
      ) : null}
    </Group>
  );
}
