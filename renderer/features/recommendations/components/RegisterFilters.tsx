import { Button, Group, MultiSelect, Paper, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import { RECOMMENDATION_STATUSES } from '../../../../shared/domain/vocabularies';
import { useRpc } from '../../../app/rpc';
import { bodyLabel } from '../../../components/BodyPicker';
import { OrganisationPicker } from '../../../components/OrganisationPicker';
import { foldFilter } from '../../../components/pickerFilter';
import { TerritoryPicker } from '../../../components/TerritoryPicker';
import { DateField } from '../../bodies/components/DateField';
import {
  isRecommendationStatus,
  isRegisterFiltered,
  NO_REGISTER_FILTER,
  type RegisterFilterValue,
} from '../register';

/** Several instances at once: a sub-group with its group, every CROCSAD of a region… */
export function BodiesMultiSelect({
  value,
  onChange,
  label,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const bodies = useRpc('bodies.list', {});
  const options = useMemo(
    () =>
      (bodies.data ?? [])
        .map((b) => ({ value: b.id, label: bodyLabel(b) }))
        .sort((a, b) => compareFr(a.label, b.label)),
    [bodies.data],
  );
  return (
    <MultiSelect
      label={label}
      placeholder={value.length === 0 ? t('recommendations.filters.allBodies') : undefined}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      filter={foldFilter}
      limit={100}
      nothingFoundMessage={bodies.isLoading ? t('common.loading') : t('common.picker.nothingFound')}
    />
  );
}

/**
 * The register's filters. `text` is what is typed in the search box: the caller debounces it
 * before asking the backend (which ignores accents and plurals).
 */
export function RegisterFilters({
  value,
  onChange,
  compact = false,
}: {
  value: RegisterFilterValue;
  onChange: (next: RegisterFilterValue) => void;
  /** Only the most used filters (choosing items for a roadmap). */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof RegisterFilterValue>(key: K, v: RegisterFilterValue[K]) =>
    onChange({ ...value, [key]: v });
  const statusOptions = RECOMMENDATION_STATUSES.map((s) => ({
    value: s,
    label: t(`vocab.recommendationStatus.${s}`),
  }));

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('recommendations.filters.label')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: compact ? 3 : 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t('recommendations.filters.text')}
          placeholder={t('recommendations.filters.textPlaceholder')}
          value={value.text}
          onChange={(event) => set('text', event.currentTarget.value)}
          maxLength={300}
          type="search"
        />
        <BodiesMultiSelect
          label={t('recommendations.filters.bodies')}
          value={value.bodyIds}
          onChange={(ids) => set('bodyIds', ids)}
        />
        <MultiSelect
          label={t('recommendations.filters.statuses')}
          placeholder={value.statuses.length === 0 ? t('recommendations.filters.allStatuses') : undefined}
          data={statusOptions}
          value={value.statuses}
          onChange={(v) => set('statuses', v.filter(isRecommendationStatus))}
          clearable
        />
        {compact ? null : (
          <>
            <OrganisationPicker
              label={t('recommendations.filters.organisation')}
              value={value.organisationId}
              onChange={(id) => set('organisationId', id)}
            />
            <TerritoryPicker
              label={t('recommendations.filters.territory')}
              value={value.territoryId}
              onChange={(id) => set('territoryId', id)}
            />
            <TextInput
              label={t('recommendations.filters.theme')}
              value={value.theme}
              onChange={(event) => set('theme', event.currentTarget.value)}
              maxLength={300}
            />
            <DateField
              label={t('recommendations.filters.dueFrom')}
              value={value.dueFrom}
              onChange={(v) => set('dueFrom', v)}
              name="dueFrom"
              maw="100%"
            />
            <DateField
              label={t('recommendations.filters.dueTo')}
              value={value.dueTo}
              onChange={(v) => set('dueTo', v)}
              name="dueTo"
              maw="100%"
            />
          </>
        )}
      </SimpleGrid>
      <Group justify="space-between" mt="sm" gap="sm">
        <Switch
          label={t('recommendations.filters.overdue')}
          checked={value.overdue}
          onChange={(event) => set('overdue', event.currentTarget.checked)}
        />
        {isRegisterFiltered(value) ? (
          <Button variant="subtle" size="xs" onClick={() => onChange(NO_REGISTER_FILTER)}>
            {t('recommendations.filters.clear')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
