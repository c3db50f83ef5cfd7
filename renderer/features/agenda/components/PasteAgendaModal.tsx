import { Alert, Button, Group, List, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeRangeLabel } from '../../../../shared/domain/agenda';
import type { OutputOf } from '../../../../shared/rpc';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { call } from '../../../app/rpc';
import { warningText } from '../format';

type Pasted = OutputOf<'agenda.parsePaste'>;
export type PastedEntry = Pasted['entries'][number];

export interface PasteAgendaModalProps {
  meetingId: string;
  /** The meeting's days, with their labels ("Jour 1 — jeudi 12 mars 2026"). */
  days: { value: string; label: string }[];
  initialDay: string;
  onClose: () => void;
  /** Puts the rows into the draft; the editor saves right after. */
  onApply: (day: string, entries: PastedEntry[], mode: 'append' | 'replace') => void;
}

/**
 * "Coller un ordre du jour": the table a secretary copied from Word or Excel is read by the
 * backend (agenda.parsePaste, which writes nothing), previewed with what looked wrong, and only
 * then added to the draft.
 */
export function PasteAgendaModal({ meetingId, days, initialDay, onClose, onApply }: PasteAgendaModalProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [text, setText] = useState('');
  const [day, setDay] = useState(initialDay);
  const [result, setResult] = useState<Pasted | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const analyse = async () => {
    if (text.trim() === '') {
      setError(t('agenda.paste.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await call('agenda.parsePaste', { meetingId, day, text }));
    } catch (e) {
      setResult(null);
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const entries = result?.entries ?? [];
  const kindLabel = (kind: string | null) => (kind ? t(`vocab.agendaItemKind.${kind}`) : '—');

  return (
    <Modal opened onClose={onClose} title={t('agenda.paste.title')} size="xl" centered>
      <Stack gap="md">
        {days.length > 1 ? (
          <Select
            label={t('agenda.paste.day')}
            data={days}
            value={day}
            allowDeselect={false}
            onChange={(value) => {
              if (value) setDay(value);
              setResult(null);
            }}
            maw={360}
          />
        ) : null}
        <Textarea
          label={t('agenda.paste.text')}
          description={t('agenda.paste.hint')}
          autosize
          minRows={6}
          maxRows={16}
          value={text}
          error={error}
          data-autofocus
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setResult(null);
            setError(null);
          }}
        />
        <Group>
          <Button variant="light" loading={busy} onClick={() => void analyse()}>
            {t('agenda.paste.analyse')}
          </Button>
        </Group>

        {result ? (
          <Stack gap="sm">
            <Text fw={600}>
              {t('agenda.paste.preview')} — {t('agenda.paste.rows', { count: entries.length })}
            </Text>
            {result.warnings.length > 0 ? (
              <Alert color="yellow" title={t('agenda.paste.warnings')}>
                <List size="sm">
                  {result.warnings.map((w, i) => (
                    // Two warnings may read alike (same line, same problem): position keeps them apart.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <List.Item key={i}>{warningText(w, t, lang)}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            {entries.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('agenda.paste.nothing')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640} mah={360}>
                <Table withTableBorder verticalSpacing={4} aria-label={t('agenda.paste.previewLabel')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('agenda.columns.time')}</Table.Th>
                      <Table.Th>{t('agenda.columns.title')}</Table.Th>
                      <Table.Th>{t('agenda.columns.kind')}</Table.Th>
                      <Table.Th>{t('agenda.columns.responsible')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entries.map((entry, i) => {
                      const previousDay = i === 0 ? day : entries[i - 1]?.day;
                      const dayRow =
                        entry.day !== previousDay ? (
                          <Table.Tr>
                            <Table.Td colSpan={4}>
                              <Text size="sm" fw={600} c="dimmed">
                                {days.find((d) => d.value === entry.day)?.label ?? entry.day}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        ) : null;
                      const row =
                        entry.entryType === 'part' ? (
                          <Table.Tr bg="var(--mantine-color-teal-0)">
                            <Table.Td colSpan={4}>
                              <Text size="sm" fw={700}>
                                {entry.title}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        ) : (
                          <Table.Tr>
                            <Table.Td>
                              <Text size="sm" ff="monospace">
                                {timeRangeLabel(entry.startTime, entry.endTime) || '—'}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{entry.title}</Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{kindLabel(entry.kind)}</Text>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm">{entry.responsible.text ?? '—'}</Text>
                            </Table.Td>
                          </Table.Tr>
                        );
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity yet
                        <Fragment key={i}>
                          {dayRow}
                          {row}
                        </Fragment>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        ) : null}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.actions.cancel')}
          </Button>
          <Button
            variant="light"
            color="orange"
            disabled={!result || entries.length === 0}
            onClick={() => onApply(day, entries, 'replace')}
          >
            {t('agenda.paste.replace')}
          </Button>
          <Button disabled={!result || entries.length === 0} onClick={() => onApply(day, entries, 'append')}>
            {t('agenda.paste.append')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
