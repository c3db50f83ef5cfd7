import { Text, type TextProps } from '@mantine/core';
import { useLanguage } from '../app/i18n';
import { formatLongDate } from './format';

export interface DateTextProps extends TextProps {
  /** 'YYYY-MM-DD' or an ISO timestamp; null shows a dash. */
  value: string | null | undefined;
}

/** A date written out in the interface language ("1er mars 2025"). */
export function DateText({ value, ...rest }: DateTextProps) {
  const lang = useLanguage();
  return (
    <Text component="span" inherit {...rest}>
      {value ? formatLongDate(value, lang) : '—'}
    </Text>
  );
}
