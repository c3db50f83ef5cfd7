import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../../../shared/domain/agenda';
import { parseTimeCell } from '../../../../shared/domain/agendaPaste';

/**
 * Reads a time as secretaries type it ("9:35", "9h35", "13 :00", "11-45"), with the same rules
 * as a pasted agenda. Returns "HH:MM", '' for an empty field, or null when it cannot be read.
 */
export function readTime(text: string): string | null {
  const cell = parseTimeCell(text);
  if (cell.kind === 'empty') return '';
  return cell.kind === 'time' ? formatClock(cell.start) : null;
}

export interface TimeFieldProps {
  /** Shown to screen readers (and Playwright): "Début — Ouverture". */
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  disabled?: boolean;
  placeholder?: string;
}

/** An "HH:MM" field that keeps what is typed until it is left, then normalises it. */
export function TimeField({ label, value, onChange, disabled, placeholder }: TimeFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const [error, setError] = useState(false);

  // The draft changes under the field when times are recomputed: show the new value.
  useEffect(() => {
    setText(value ?? '');
    setError(false);
  }, [value]);

  const commit = () => {
    const read = readTime(text);
    if (read === null) {
      setError(true);
      return;
    }
    setError(false);
    setText(read);
    const next = read === '' ? null : read;
    if (next !== value) onChange(next);
  };

  return (
    <TextInput
      aria-label={label}
      size="xs"
      w={62}
      value={text}
      placeholder={placeholder ?? 'HH:MM'}
      disabled={disabled}
      error={error ? t('agenda.entry.invalidTime') : undefined}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}
