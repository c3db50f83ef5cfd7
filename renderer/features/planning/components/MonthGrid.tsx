import { Stack, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import type { CalendarEntry } from '../../../../shared/rpc/meetings';
import { useLanguage } from '../../../app/i18n';
import { formatLongDate } from '../../../components/format';
import { daysBetween, monthGridDays, monthTitle, weekdayNames } from '../calendarMath';
import { CalendarEntryBadge, entryKey } from './CalendarEntryBadge';

/** Badges shown in one day before "+ N autres": a cell must stay readable on a small screen. */
const PER_DAY = 4;

/** The entries of each day; a meeting over several days appears on each of them. */
export function entriesByDay(entries: readonly CalendarEntry[]): Map<string, CalendarEntry[]> {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    const last = entry.endDate >= entry.date ? entry.endDate : entry.date;
    for (const day of daysBetween(entry.date, last)) {
      const list = byDay.get(day);
      if (list) list.push(entry);
      else byDay.set(day, [entry]);
    }
  }
  return byDay;
}

/** A month as a wall calendar: seven columns from Monday, whole weeks, today outlined. */
export function MonthGrid({
  year,
  month,
  entries,
  today,
  nameOf,
  onPlannedClick,
  onShowDay,
}: {
  year: number;
  month: number;
  entries: readonly CalendarEntry[];
  today: string;
  nameOf: (entry: CalendarEntry) => string;
  onPlannedClick: (entry: CalendarEntry) => void;
  onShowDay: (day: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const days = useMemo(() => monthGridDays(year, month), [year, month]);
  const byDay = useMemo(() => entriesByDay(entries), [entries]);
  const weekdays = useMemo(() => weekdayNames(lang), [lang]);
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  const monthPrefix = `${year}-${String(month).padStart(2, '0')}-`;

  return (
    <table
      aria-label={monthTitle(year, month, lang)}
      style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' }}
    >
      <thead>
        <tr>
          {weekdays.map((d) => (
            <th
              key={d.long}
              scope="col"
              abbr={d.long}
              style={{ padding: '4px 6px', textAlign: 'left', fontWeight: 600, fontSize: 13 }}
            >
              {d.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const inMonth = day.startsWith(monthPrefix);
              const isToday = day === today;
              const list = [...(byDay.get(day) ?? [])].sort((a, b) => compareFr(nameOf(a), nameOf(b)));
              const hidden = list.length - PER_DAY;
              return (
                <td
                  key={day}
                  aria-label={formatLongDate(day, lang)}
                  aria-current={isToday ? 'date' : undefined}
                  data-day={day}
                  style={{
                    verticalAlign: 'top',
                    height: 104,
                    padding: 4,
                    border: isToday
                      ? '2px solid var(--mantine-color-teal-6)'
                      : '1px solid var(--mantine-color-gray-3)',
                    background: isToday
                      ? 'var(--mantine-color-teal-0)'
                      : inMonth
                        ? 'var(--mantine-color-white)'
                        : 'var(--mantine-color-gray-0)',
                  }}
                >
                  <Stack gap={3} align="stretch">
                    <Text size="xs" fw={isToday ? 700 : 500} c={inMonth ? undefined : 'dimmed'} aria-hidden>
                      {Number(day.slice(8))}
                    </Text>
                    {list.slice(0, PER_DAY).map((entry) => (
                      <CalendarEntryBadge
                        key={entryKey(entry)}
                        entry={entry}
                        name={nameOf(entry)}
                        onPlannedClick={onPlannedClick}
                      />
                    ))}
                    {hidden > 0 ? (
                      <UnstyledButton onClick={() => onShowDay(day)} fz="xs" c="teal.8">
                        {t('planning.calendar.more', { count: hidden })}
                      </UnstyledButton>
                    ) : null}
                  </Stack>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
