import { Alert, Loader, Stack } from '@mantine/core';
import { type ReactNode, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../shared/domain/dates';
import { isUuid } from '../../../../shared/domain/ids';
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/domain/vocabularies';
import { errorMessage } from '../../../app/errors';
import { useRpc } from '../../../app/rpc';
import { PageHeader } from '../../../components/PageHeader';
import { hashQuery } from '../../planning/calendarMath';
import {
  emptyMeetingValues,
  MeetingForm,
  type MeetingFormValues,
  meetingValues,
} from '../components/MeetingForm';

/** ?bodyId=…&plannedDate=…&kind=… as the calendar and body pages send them; anything malformed is ignored. */
function prefillFromQuery(search: string): MeetingFormValues {
  const query = new URLSearchParams(search);
  const bodyId = query.get('bodyId');
  const plannedDate = query.get('plannedDate');
  const kind = query.get('kind');
  return emptyMeetingValues({
    bodyId: bodyId && isUuid(bodyId) ? bodyId : null,
    plannedDate: plannedDate && isIsoDate(plannedDate) ? plannedDate : null,
    kind: kind && (MEETING_KINDS as readonly string[]).includes(kind) ? (kind as MeetingKind) : 'ordinary',
  });
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** Creates a meeting, or edits one when `id` is given. */
export function MeetingFormPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const meeting = useRpc('meetings.get', { id: id ?? '' }, { enabled: !!id });
  // The router keys pages by path only: a new query (another "Préparer") must start a fresh form.
  const search = useSyncExternalStore(subscribe, () => hashQuery().toString());

  let content: ReactNode;
  if (!id) content = <MeetingForm key={search} initial={prefillFromQuery(search)} />;
  else if (meeting.isLoading) content = <Loader size="sm" aria-label={t('planning.form.loading')} />;
  else if (meeting.error || !meeting.data)
    content = <Alert color="red">{errorMessage(meeting.error, t)}</Alert>;
  else content = <MeetingForm id={id} initial={meetingValues(meeting.data)} />;

  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={id ? t('planning.form.editTitle') : t('planning.form.newTitle')}
        subtitle={id && meeting.data ? meeting.data.body.label : undefined}
        back={
          id
            ? { to: `/meetings/${id}`, label: t('planning.form.backToMeeting') }
            : { to: '/meetings', label: t('planning.form.backToList') }
        }
      />
      {content}
    </Stack>
  );
}
