import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '../../../../shared/rpc/meetings';
import { useLanguage } from '../../../app/i18n';
import { hrefOf, navigate } from '../../../app/navigation';
import { formatLongDate } from '../../../components/format';
import { todayIso } from '../../bodies/components/dates';

/** Where "Préparer" leads: the meeting form, prefilled with the body and the planned day. */
export function preparePath(entry: {
  body: { id: string };
  date: string;
  plannedDate?: string | null;
}): string {
  const query = new URLSearchParams({
    bodyId: entry.body.id,
    plannedDate: entry.plannedDate ?? entry.date,
    kind: 'ordinary',
  });
  return `/meetings/new?${query.toString()}`;
}

/** A session due from the periodicity, with no meeting yet: says so and offers to prepare it. */
export function PlannedSessionModal({
  entry,
  name,
  onClose,
}: {
  entry: CalendarEntry | null;
  /** The body's short name. */
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const date = entry ? formatLongDate(entry.date, lang) : '';
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={entry ? t('planning.calendar.plannedTitle', { date, body: name }) : ''}
      centered
    >
      {entry ? (
        <Stack gap="md">
          <Text size="sm">{entry.body.label}</Text>
          <Text size="sm" c="dimmed">
            {t('planning.calendar.plannedText')}
          </Text>
          {entry.date < todayIso() ? (
            <Alert color="orange" variant="light">
              {t('planning.calendar.plannedOverdue')}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component="a" href={hrefOf(`/bodies/${entry.body.id}`)}>
              {t('planning.calendar.openBody')}
            </Button>
            <Button
              onClick={() => {
                onClose();
                navigate(preparePath(entry));
              }}
            >
              {t('planning.calendar.prepare')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
