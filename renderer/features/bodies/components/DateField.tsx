import { DateInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortDate, parseDateFr } from './dates';

export interface DateFieldProps {
  label: ReactNode;
  /** 'YYYY-MM-DD' or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  /** Forwarded to the input, so that tests and screen readers can find it. */
  name?: string;
  maw?: number | string;
}

/**
 * A calendar date typed as JJ/MM/AAAA (or picked in the calendar); the value stays
 * 'YYYY-MM-DD', the only form the backend accepts.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  description,
  required,
  clearable,
  disabled,
  name,
  maw,
}: DateFieldProps) {
  const { t } = useTranslation();
  const canClear = clearable ?? !required;
  return (
    <DateInput
      label={label}
      value={value}
      onChange={(next) => onChange(next ? next.slice(0, 10) : null)}
      valueFormat={(date) => formatShortDate(date.slice(0, 10))}
      dateParser={parseDateFr}
      placeholder={t('bodies.date.placeholder')}
      error={error}
      description={description}
      required={required}
      clearable={canClear}
      allowDeselect={canClear}
      disabled={disabled}
      name={name}
      maw={maw ?? 220}
      popoverProps={{ withinPortal: true }}
    />
  );
}
