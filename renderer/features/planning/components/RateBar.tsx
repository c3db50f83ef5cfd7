import { Group, Progress, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/i18n';
import { formatPercent } from '../calendarMath';

/** Green when every planned session was held, orange from half, red below. */
export function rateColor(rate: number): string {
  if (rate >= 1) return 'green';
  if (rate >= 0.5) return 'orange';
  return 'red';
}

/** A regularity rate as a bar and "50 %"; a body that meets as needed has none ("—"). */
export function RateBar({ rate, width = 120 }: { rate: number | null; width?: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (rate === null) {
    return (
      <Tooltip label={t('planning.regularity.asNeeded')} withArrow>
        <Text span c="dimmed" aria-label={t('planning.regularity.asNeeded')} style={{ cursor: 'help' }}>
          —
        </Text>
      </Tooltip>
    );
  }
  const text = formatPercent(rate, lang);
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={Math.min(1, Math.max(0, rate)) * 100}
        color={rateColor(rate)}
        w={width}
        size="md"
        aria-label={text}
      />
      <Text span size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Text>
    </Group>
  );
}
