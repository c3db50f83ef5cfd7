import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '../../../../shared/domain/vocabularies';

const COLOURS: Record<MeetingStatus | 'planned', string> = {
  planned: 'gray',
  draft: 'gray',
  convened: 'blue',
  held: 'teal',
  closed: 'dark',
  postponed: 'orange',
  cancelled: 'red',
};

/** "Convoquée", "Reportée"…: one colour per status, the same on every screen. */
export function MeetingStatusBadge({ status }: { status: MeetingStatus | 'planned' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOURS[status]}>
      {t(`vocab.meetingStatus.${status}`)}
    </Badge>
  );
}
