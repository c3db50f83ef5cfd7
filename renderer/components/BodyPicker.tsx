import { Select } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../shared/domain/text';
import { useRpc } from '../app/rpc';
import { foldFilter } from './pickerFilter';

export interface BodyPickerProps {
  label: ReactNode;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  /** An instance that must not be offered (itself, when choosing a parent or a link). */
  excludeId?: string | null;
  required?: boolean;
  description?: ReactNode;
  placeholder?: string;
  disabled?: boolean;
}

/** "CROCSAD — Comité régional… (Gao)": acronyms repeat from one region to the next. */
export function bodyLabel(b: {
  name: string;
  acronym: string | null;
  territory?: { label: string } | null;
}): string {
  const base = b.acronym ? `${b.acronym} — ${b.name}` : b.name;
  return b.territory ? `${base} (${b.territory.label})` : base;
}

/** Chooses one instance of the registry; typing filters without accents. */
export function BodyPicker({
  label,
  value,
  onChange,
  error,
  excludeId,
  required,
  description,
  placeholder,
  disabled,
}: BodyPickerProps) {
  const { t } = useTranslation();
  const list = useRpc('bodies.list', {});
  const inList = !value || (list.data ?? []).some((b) => b.id === value);
  const current = useRpc('bodies.get', { id: value ?? '' }, { enabled: !!value && !!list.data && !inList });

  const data = useMemo(() => {
    const items = (list.data ?? [])
      .filter((b) => b.id !== excludeId)
      .map((b) => ({ value: b.id, label: bodyLabel(b) }));
    if (value && !inList && current.data) {
      const c = current.data;
      items.push({ value, label: bodyLabel({ name: c.name, acronym: c.acronym, territory: c.territory }) });
    }
    return items.sort((a, b) => compareFr(a.label, b.label));
  }, [list.data, excludeId, value, inList, current.data]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('common.picker.bodyPlaceholder')}
      data={data}
      value={value}
      onChange={(id) => onChange(id)}
      error={error}
      required={required}
      disabled={disabled}
      searchable
      clearable={!required}
      filter={foldFilter}
      limit={100}
      nothingFoundMessage={list.isLoading ? t('common.loading') : t('common.picker.nothingFound')}
    />
  );
}
