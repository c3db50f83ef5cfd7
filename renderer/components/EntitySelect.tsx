import { Select, type SelectProps } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../shared/domain/text';
import { foldFilter } from './pickerFilter';

/** What every picker takes: the chosen id and the usual field decorations. */
export interface PickerProps {
  label: ReactNode;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: ReactNode;
  required?: boolean;
  description?: ReactNode;
  placeholder?: string;
  disabled?: boolean;
}

type PickerSelectProps = PickerProps & Omit<SelectProps, keyof PickerProps | 'searchable' | 'clearable'>;

/** The select behind every picker: searchable, clearable unless required, reports the id alone. */
export function PickerSelect({ onChange, required, ...props }: PickerSelectProps) {
  return (
    <Select {...props} onChange={(id) => onChange(id)} required={required} searchable clearable={!required} />
  );
}

export interface EntityOption {
  value: string;
  label: string;
  /** Sort key when the label does not start with what the list is ordered by. */
  sort?: string;
}

/**
 * True when the chosen record is missing from the loaded list (trashed since, yet still referenced
 * by the record being edited): it must then be fetched on its own to show its name.
 */
export function needsLookup(value: string | null, items: readonly { id: string }[] | undefined): boolean {
  return !!value && !!items && !items.some((item) => item.id === value);
}

interface EntitySelectProps<T extends { id: string }, C> extends PickerProps {
  /** i18n key of the placeholder shown when the caller gives none. */
  placeholderKey: string;
  items: readonly T[] | undefined;
  /** The chosen record, fetched alone when it is not among the items (see needsLookup). */
  current: C | undefined;
  loading: boolean;
  /** A record that must not be offered (itself, when choosing a parent or a link). */
  excludeId?: string | null;
  /** Declared at module level: it is a memo dependency. */
  toOption: (item: T | C) => EntityOption;
}

/** Chooses one record of a list loaded whole, sorted in French order; typing filters without accents. */
export function EntitySelect<T extends { id: string }, C>({
  placeholder,
  placeholderKey,
  items,
  current,
  loading,
  excludeId,
  toOption,
  ...props
}: EntitySelectProps<T, C>) {
  const { t } = useTranslation();
  const { value } = props;

  const data = useMemo(() => {
    const options = (items ?? []).filter((item) => item.id !== excludeId).map((item) => toOption(item));
    if (value && current && !(items ?? []).some((item) => item.id === value)) {
      options.push({ ...toOption(current), value });
    }
    return options
      .sort((a, b) => compareFr(a.sort ?? a.label, b.sort ?? b.label))
      .map((option) => ({ value: option.value, label: option.label }));
  }, [items, excludeId, value, current, toOption]);

  return (
    <PickerSelect
      {...props}
      placeholder={placeholder ?? t(placeholderKey)}
      data={data}
      filter={foldFilter}
      limit={100}
      nothingFoundMessage={loading ? t('common.loading') : t('common.picker.nothingFound')}
    />
  );
}
