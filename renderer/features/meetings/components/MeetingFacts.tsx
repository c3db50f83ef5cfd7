import { Anchor, Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/domain/dates';
import type { Meeting } from '../../../../shared/rpc/meetings';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';
import { formatDateSpan, formatTimeSpan } from './meetingLabels';

/** One labelled value; a dash when nothing was recorded. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {empty ? '—' : children}
      </Text>
    </div>
  );
}

/** Only web addresses become links: a meeting "link" may also be a phone bridge or a room code. */
function isWebAddress(text: string): boolean {
  return /^https?:\/\//i.test(text.trim());
}

/** When, where, with whom and paid by whom: the facts a convocation letter states. */
export function MeetingFacts({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const times = formatTimeSpan(meeting.startTime, meeting.endTime, t);
  const dates = formatDateSpan(meeting.startDate, meeting.endDate, t, lang);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" aria-label={t('meetings.detail.facts')}>
      <Fact label={t('meetings.detail.dates')}>{times ? `${dates}, ${times}` : dates}</Fact>
      <Fact label={t('meetings.detail.place')}>{meeting.place}</Fact>
      <Fact label={t('meetings.detail.online')}>
        {meeting.onlineUrl ? (
          isWebAddress(meeting.onlineUrl) ? (
            <Anchor href={meeting.onlineUrl} target="_blank" rel="noreferrer">
              {meeting.onlineUrl}
            </Anchor>
          ) : (
            meeting.onlineUrl
          )
        ) : null}
      </Fact>
      <Fact label={t('meetings.detail.cohosts')}>
        {meeting.cohosts.length > 0 ? (
          <Group gap="xs">
            {meeting.cohosts.map((c) => (
              <Link key={c.id} to={`/bodies/${c.id}`} size="sm">
                {c.label}
              </Link>
            ))}
          </Group>
        ) : null}
      </Fact>
      <Fact label={t('meetings.detail.funding')}>{meeting.fundingSource}</Fact>
      <Fact label={t('meetings.detail.convenedOn')}>
        {meeting.convenedOn ? formatDate(meeting.convenedOn, lang) : null}
      </Fact>
      <Fact label={t('meetings.detail.planned')}>
        {meeting.plannedDate
          ? t('meetings.detail.plannedSlot', { date: formatDate(meeting.plannedDate, lang) })
          : t('meetings.detail.adHoc')}
      </Fact>
    </SimpleGrid>
  );
}
