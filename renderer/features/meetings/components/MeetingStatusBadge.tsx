import { Badge, type BadgeProps } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_STATUSES, type MeetingStatus } from '../../../../shared/domain/vocabularies';

/** A session as the calendar knows it: only due from the periodicity ('planned'), or a meeting. */
export type SessionStatus = 'planned' | MeetingStatus;
export const SESSION_STATUSES: readonly SessionStatus[] = ['planned', ...MEETING_STATUSES];

interface StatusLook {
  color: string;
  variant: BadgeProps['variant'];
  style?: CSSProperties;
}

// One look per status, the same everywhere (calendar, lists, dashboard, meeting page), so that a
// secretary learns it once: grey dashed = only planned, blue = convened, greens = held, orange =
// postponed, struck-through red = cancelled.
const LOOKS: Record<SessionStatus, StatusLook> = {
  planned: { color: 'gray', variant: 'outline', style: { borderStyle: 'dashed' } },
  draft: { color: 'gray', variant: 'light' },
  convened: { color: 'blue', variant: 'light' },
  held: { color: 'green', variant: 'light' },
  closed: { color: 'green.9', variant: 'filled' },
  postponed: { color: 'orange', variant: 'light' },
  cancelled: { color: 'red', variant: 'light', style: { textDecoration: 'line-through' } },
};

export function statusLook(status: SessionStatus): StatusLook {
  return LOOKS[status];
}

/** The status of a meeting or planned session ("Convoquée", "Prévue"…) as a coloured badge. */
export function MeetingStatusBadge({
  status,
  children,
  size = 'sm',
}: {
  status: SessionStatus;
  /** Replaces the status word (the calendar writes "GTGPS · Prévue"). */
  children?: ReactNode;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  const look = LOOKS[status];
  return (
    <Badge color={look.color} variant={look.variant} size={size} style={look.style} tt="none">
      {children ?? t(`vocab.meetingStatus.${status}`)}
    </Badge>
  );
}

/** The colour key of the calendar. */
export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <ul
      aria-label={t('planning.calendar.legend')}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 6, listStyle: 'none', margin: 0, padding: 0 }}
    >
      {SESSION_STATUSES.map((status) => (
        <li key={status}>
          <MeetingStatusBadge status={status} />
        </li>
      ))}
    </ul>
  );
}
