import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '../../../../shared/rpc/meetings';
import { useLanguage } from '../../../app/i18n';
import { hrefOf } from '../../../app/navigation';
import { formatLongDate } from '../../../components/format';
import { statusLook } from '../../meetings/components/MeetingStatusBadge';

/** Stable React key of an entry: its meeting, or the body and the planned day. */
export function entryKey(entry: CalendarEntry): string {
  return entry.meetingId ?? `${entry.body.id}:${entry.date}`;
}

/**
 * One session in the calendar, "GTGPS · Prévue": a link to its meeting when there is one, a
 * button that offers to prepare it when it is only planned.
 */
export function CalendarEntryBadge({
  entry,
  name,
  onPlannedClick,
  prefix,
}: {
  entry: CalendarEntry;
  /** The body's short name (its acronym when it has one). */
  name: string;
  onPlannedClick: (entry: CalendarEntry) => void;
  /** Written before the name (the day, in the year view). */
  prefix?: string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const look = statusLook(entry.status);
  const status = t(`vocab.meetingStatus.${entry.status}`);
  const text = `${prefix ? `${prefix} · ` : ''}${name} · ${status}`;
  const hint = [
    entry.body.label,
    formatLongDate(entry.date, lang),
    entry.kind ? t(`vocab.meetingKind.${entry.kind}`) : null,
    entry.number !== null ? t('planning.calendar.numberHint', { number: entry.number }) : null,
    status,
  ]
    .filter(Boolean)
    .join(' — ');
  const common = {
    color: look.color,
    variant: look.variant,
    size: 'sm' as const,
    tt: 'none' as const,
    radius: 'sm' as const,
    title: hint,
    style: { ...look.style, cursor: 'pointer', maxWidth: '100%', justifyContent: 'flex-start' },
  };
  if (entry.meetingId === null) {
    return (
      <Badge component="button" type="button" onClick={() => onPlannedClick(entry)} {...common}>
        {text}
      </Badge>
    );
  }
  return (
    <Badge component="a" href={hrefOf(`/meetings/${entry.meetingId}`)} {...common}>
      {text}
    </Badge>
  );
}
