import { Group, Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/domain/dates';
import type { OutputOf } from '../../../../shared/rpc';
import type { Meeting } from '../../../../shared/rpc/meetings';
import { notifySaved } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { useRpc, useRpcMutation } from '../../../app/rpc';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { meetingKindTitle } from '../../meetings/components/meetingLabels';

export interface DuplicateAgendaProps {
  meeting: Meeting;
  /** Called before replacing: pending edits of the draft are dropped (and any save in progress awaited). */
  onBeforeReplace: () => Promise<void>;
  /** Called with the agenda as replaced. */
  onDone: (agenda: OutputOf<'agenda.duplicateFrom'>) => void;
}

/** "Reprendre l’ordre du jour d’une réunion précédente": copies another session's agenda of the same body. */
export function DuplicateAgenda({ meeting, onBeforeReplace, onDone }: DuplicateAgendaProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const meetings = useRpc('meetings.list', { bodyId: meeting.body.id });
  const duplicate = useRpcMutation('agenda.duplicateFrom');
  const [sourceId, setSourceId] = useState<string | null>(null);

  const options = useMemo(
    () =>
      (meetings.data ?? [])
        // Previous sessions only: an agenda is taken up from one that came before.
        .filter((m) => m.id !== meeting.id && m.startDate <= meeting.startDate)
        // Most recent first: the last session's agenda is the one usually taken up again.
        .sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0))
        .map((m) => ({
          value: m.id,
          label: `${meetingKindTitle(t, m.kind, m.number)} — ${formatDate(m.startDate, lang)}`,
        })),
    [meetings.data, meeting.id, meeting.startDate, t, lang],
  );
  const source = options.find((o) => o.value === sourceId);

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={t('agenda.duplicate.label')}
        placeholder={options.length === 0 ? t('agenda.duplicate.none') : t('agenda.duplicate.placeholder')}
        data={options}
        value={sourceId}
        onChange={setSourceId}
        disabled={options.length === 0}
        searchable
        clearable
        w={440}
        comboboxProps={{ withinPortal: true }}
      />
      <ConfirmAction
        label={t('agenda.duplicate.confirm')}
        title={t('agenda.duplicate.confirmTitle')}
        message={t('agenda.duplicate.confirmMessage', { meeting: source?.label ?? '' })}
        color="orange"
        disabled={!sourceId}
        onConfirm={async () => {
          if (!sourceId) return;
          await onBeforeReplace();
          const agenda = await duplicate.mutateAsync({ meetingId: meeting.id, sourceMeetingId: sourceId });
          onDone(agenda);
          setSourceId(null);
          notifySaved(t, t('agenda.duplicate.done'));
        }}
      />
    </Group>
  );
}
