import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import type { CalendarEntry } from '../../../../shared/rpc/meetings';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { hrefOf } from '../../../app/navigation';
import { useRpc } from '../../../app/rpc';
import { EmptyState } from '../../../components/EmptyState';
import { formatLongDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { todayIso } from '../../bodies/components/dates';
import { StatusLegend } from '../../meetings/components/MeetingStatusBadge';
import {
  hashQuery,
  monthEnd,
  monthGridDays,
  monthStart,
  monthTitle,
  replaceHashQuery,
  shiftMonth,
  yearParam,
} from '../calendarMath';
import {
  BodyFilters,
  type BodyFilterValue,
  bodyFilterInput,
  NO_BODY_FILTER,
} from '../components/BodyFilters';
import { CalendarEntryBadge, entryKey } from '../components/CalendarEntryBadge';
import { entriesByDay, MonthGrid } from '../components/MonthGrid';
import { PlannedSessionModal } from '../components/PlannedSessionModal';
import { YearView } from '../components/YearView';

type View = 'month' | 'year';

interface Position {
  view: View;
  year: number;
  month: number;
}

/** Where the calendar opens: ?month=2026-03 or ?year=2026 (links, and coming back), else this month. */
function initialPosition(today: string): Position {
  const query = hashQuery();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const asked = /^(\d{4})-(\d{2})$/.exec(query.get('month') ?? '');
  if (asked) {
    const m = Number(asked[2]);
    if (m >= 1 && m <= 12) return { view: 'month', year: yearParam(asked[1] ?? null, year), month: m };
  }
  if (query.has('year')) return { view: 'year', year: yearParam(query.get('year'), year), month };
  return { view: 'month', year, month };
}

function rememberPosition(p: Position): void {
  replaceHashQuery(
    p.view === 'month'
      ? { month: `${p.year}-${String(p.month).padStart(2, '0')}`, year: null }
      : { year: String(p.year), month: null },
  );
}

/** The sessions calendar: what is due from each body's periodicity and what was actually held. */
export function CalendarPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const today = todayIso();
  const [position, setPositionState] = useState<Position>(() => initialPosition(today));
  const [filters, setFilters] = useState<BodyFilterValue>(NO_BODY_FILTER);
  const [planned, setPlanned] = useState<CalendarEntry | null>(null);
  const [shownDay, setShownDay] = useState<string | null>(null);
  const { view, year, month } = position;

  const setPosition = (next: Position) => {
    setPositionState(next);
    rememberPosition(next);
  };

  const range = useMemo(() => {
    if (view === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
    const days = monthGridDays(year, month);
    return { from: days[0] ?? monthStart(year, month), to: days[days.length - 1] ?? monthEnd(year, month) };
  }, [view, year, month]);

  const bodies = useRpc('bodies.list', {});
  const calendar = useRpc(
    'planning.calendar',
    { ...range, ...bodyFilterInput(filters) },
    { placeholderData: keepPreviousData },
  );
  const entries = calendar.data ?? [];

  const shortNames = useMemo(
    () => new Map((bodies.data ?? []).map((b) => [b.id, b.acronym ?? b.name])),
    [bodies.data],
  );
  const nameOf = useCallback(
    (entry: CalendarEntry) => shortNames.get(entry.body.id) ?? entry.body.label,
    [shortNames],
  );

  const move = (delta: number) => {
    if (view === 'year') setPosition({ ...position, year: year + delta });
    else setPosition({ view, ...shiftMonth(year, month, delta) });
  };
  const goToday = () =>
    setPosition({ view, year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });

  const dayEntries = shownDay
    ? [...(entriesByDay(entries).get(shownDay) ?? [])].sort((a, b) => compareFr(nameOf(a), nameOf(b)))
    : [];

  let content: ReactNode;
  if (bodies.data && bodies.data.length === 0) {
    content = (
      <EmptyState
        title={t('planning.calendar.noBodiesTitle')}
        text={t('planning.calendar.noBodiesText')}
        action={
          <Button component="a" href={hrefOf('/bodies/new')}>
            {t('planning.calendar.newBody')}
          </Button>
        }
      />
    );
  } else if (calendar.error) {
    content = <Alert color="red">{errorMessage(calendar.error, t)}</Alert>;
  } else if (calendar.isLoading) {
    content = <Loader size="sm" aria-label={t('planning.calendar.loading')} />;
  } else if (view === 'month') {
    content = (
      <MonthGrid
        year={year}
        month={month}
        entries={entries}
        today={today}
        nameOf={nameOf}
        onPlannedClick={setPlanned}
        onShowDay={setShownDay}
      />
    );
  } else {
    content = (
      <YearView
        year={year}
        entries={entries}
        today={today}
        nameOf={nameOf}
        onPlannedClick={setPlanned}
        onOpenMonth={(m) => setPosition({ view: 'month', year, month: m })}
      />
    );
  }

  const inRange = entries.filter((e) =>
    view === 'year' ? e.date.startsWith(`${year}-`) : e.date.startsWith(monthStart(year, month).slice(0, 8)),
  ).length;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('planning.calendar.title')}
        subtitle={t('planning.calendar.subtitle')}
        actions={
          <Button component="a" href={hrefOf('/meetings/new')}>
            {t('planning.meetings.new')}
          </Button>
        }
      />
      <BodyFilters value={filters} onChange={setFilters} />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs" wrap="wrap">
          <Button variant="default" onClick={() => move(-1)}>
            {view === 'year' ? t('planning.calendar.previousYear') : t('planning.calendar.previousMonth')}
          </Button>
          <Button variant="default" onClick={goToday}>
            {t('planning.calendar.today')}
          </Button>
          <Button variant="default" onClick={() => move(1)}>
            {view === 'year' ? t('planning.calendar.nextYear') : t('planning.calendar.nextMonth')}
          </Button>
          <Title order={3} ml="sm" aria-live="polite">
            {view === 'year' ? String(year) : monthTitle(year, month, lang)}
          </Title>
          {calendar.isFetching && !calendar.isLoading ? (
            <Loader size="xs" aria-label={t('planning.calendar.loading')} />
          ) : null}
        </Group>
        <SegmentedControl
          aria-label={t('planning.calendar.viewLabel')}
          value={view}
          onChange={(v) => setPosition({ ...position, view: v === 'year' ? 'year' : 'month' })}
          data={[
            { value: 'month', label: t('planning.calendar.viewMonth') },
            { value: 'year', label: t('planning.calendar.viewYear') },
          ]}
        />
      </Group>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <StatusLegend />
        {calendar.data ? (
          <Text size="sm" c="dimmed">
            {inRange === 0
              ? t('planning.calendar.noSession')
              : t('planning.calendar.sessionCount', { count: inRange })}
          </Text>
        ) : null}
      </Group>
      {content}
      <PlannedSessionModal
        entry={planned}
        name={planned ? nameOf(planned) : ''}
        onClose={() => setPlanned(null)}
      />
      <Modal
        opened={shownDay !== null}
        onClose={() => setShownDay(null)}
        title={shownDay ? t('planning.calendar.dayTitle', { date: formatLongDate(shownDay, lang) }) : ''}
        centered
      >
        <Stack gap={6} align="flex-start">
          {dayEntries.map((entry) => (
            <CalendarEntryBadge
              key={entryKey(entry)}
              entry={entry}
              name={nameOf(entry)}
              onPlannedClick={(e) => {
                setShownDay(null);
                setPlanned(e);
              }}
            />
          ))}
        </Stack>
      </Modal>
    </Stack>
  );
}
