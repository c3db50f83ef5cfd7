import { Badge, Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import type { CalendarEntry } from '../../../../shared/rpc/meetings';
import { useLanguage } from '../../../app/i18n';
import { monthName } from '../calendarMath';
import { CalendarEntryBadge, entryKey } from './CalendarEntryBadge';

/** "1er", "12": the day within the month, as French writes it. */
function dayLabel(iso: string, lang: string): string {
  const day = Number(iso.slice(8));
  return lang === 'fr' && day === 1 ? '1er' : String(day);
}

/** Entries listed per month before "+ N autres" (the month view shows them all). */
const PER_MONTH = 10;

/** A year at a glance: each month with its number of sessions and the first of them. */
export function YearView({
  year,
  entries,
  today,
  nameOf,
  onPlannedClick,
  onOpenMonth,
}: {
  year: number;
  entries: readonly CalendarEntry[];
  today: string;
  nameOf: (entry: CalendarEntry) => string;
  onPlannedClick: (entry: CalendarEntry) => void;
  onOpenMonth: (month: number) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const byMonth = useMemo(() => {
    const months: CalendarEntry[][] = Array.from({ length: 12 }, () => []);
    for (const entry of entries) {
      if (!entry.date.startsWith(`${year}-`)) continue;
      months[Number(entry.date.slice(5, 7)) - 1]?.push(entry);
    }
    for (const list of months) {
      list.sort((a, b) => a.date.localeCompare(b.date) || compareFr(nameOf(a), nameOf(b)));
    }
    return months;
  }, [entries, year, nameOf]);
  const currentMonth = today.startsWith(`${year}-`) ? Number(today.slice(5, 7)) : null;

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm">
      {byMonth.map((list, index) => {
        const month = index + 1;
        const name = monthName(month, lang);
        const hidden = list.length - PER_MONTH;
        return (
          <Paper
            key={month}
            withBorder
            p="sm"
            component="section"
            aria-label={`${name} ${year}`}
            style={
              month === currentMonth
                ? { borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 }
                : undefined
            }
          >
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <UnstyledButton
                  onClick={() => onOpenMonth(month)}
                  fw={600}
                  aria-label={t('planning.calendar.openMonth', { month: `${name} ${year}` })}
                >
                  {name}
                </UnstyledButton>
                <Badge variant="light" color={list.length > 0 ? 'teal' : 'gray'} tt="none">
                  {t('planning.calendar.sessionCount', { count: list.length })}
                </Badge>
              </Group>
              {list.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('planning.calendar.noSessionMonth')}
                </Text>
              ) : (
                <Stack gap={3} align="flex-start">
                  {list.slice(0, PER_MONTH).map((entry) => (
                    <CalendarEntryBadge
                      key={`${entryKey(entry)}`}
                      entry={entry}
                      name={nameOf(entry)}
                      prefix={dayLabel(entry.date, lang)}
                      onPlannedClick={onPlannedClick}
                    />
                  ))}
                  {hidden > 0 ? (
                    <UnstyledButton onClick={() => onOpenMonth(month)} fz="xs" c="teal.8">
                      {t('planning.calendar.more', { count: hidden })}
                    </UnstyledButton>
                  ) : null}
                </Stack>
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
