import {
  ActionIcon,
  type ComboboxItem,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type DragEvent, memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesBetween } from '../../../../shared/domain/agenda';
import type { AgendaItemKind } from '../../../../shared/domain/vocabularies';
import type { DraftEntry } from '../draft';
import { DocumentsCell } from './DocumentsCell';
import type { ResponsibleOptions } from './responsibleOptions';
import { TimeField } from './TimeField';

export const AGENDA_COLUMNS = 8;

/** What a row asks of the editor; every callback is stable (rows are memoised). */
export interface RowHandlers {
  patch: (key: string, patch: Partial<DraftEntry>) => void;
  setDuration: (key: string, minutes: number) => void;
  move: (key: string, delta: -1 | 1) => void;
  remove: (key: string) => void;
  dragStart: (event: DragEvent<HTMLElement>, key: string) => void;
  dragOver: (event: DragEvent<HTMLElement>, key: string) => void;
  drop: (event: DragEvent<HTMLElement>, key: string) => void;
  dragEnd: () => void;
}

export interface AgendaRowProps {
  entry: DraftEntry;
  /** Position in the day's list (0-based) and the list's length. */
  index: number;
  count: number;
  kindOptions: ComboboxItem[];
  organisationOptions: ResponsibleOptions;
  personOptions: ResponsibleOptions;
  /** Problems the backend reported for this entry, and warnings about it. */
  issues: string[];
  /** Highlighted while something is dragged over it. */
  dropTarget: boolean;
  readOnly: boolean;
  handlers: RowHandlers;
  /** For the follow-up item: how many open recommendations the session reviews. */
  followUpCount?: number | null;
}

function MoveControls({
  entry,
  label,
  index,
  count,
  readOnly,
  handlers,
}: {
  entry: DraftEntry;
  label: string;
  index: number;
  count: number;
  readOnly: boolean;
  handlers: RowHandlers;
}) {
  const { t } = useTranslation();
  if (readOnly) return null;
  return (
    <Group gap={2} wrap="nowrap">
      {/* The handle for the mouse; keyboards use the arrows next to it (hence out of the tab order). */}
      <ActionIcon
        tabIndex={-1}
        size="sm"
        variant="subtle"
        color="gray"
        draggable
        style={{ cursor: 'grab' }}
        aria-label={t('agenda.entry.moveHandle', { title: label })}
        onDragStart={(event: DragEvent<HTMLElement>) => handlers.dragStart(event, entry.key)}
        onDragEnd={handlers.dragEnd}
      >
        <span aria-hidden>⠿</span>
      </ActionIcon>
      <ActionIcon
        size="sm"
        variant="subtle"
        disabled={index === 0}
        aria-label={t('agenda.entry.moveUp', { title: label })}
        onClick={() => handlers.move(entry.key, -1)}
      >
        <span aria-hidden>↑</span>
      </ActionIcon>
      <ActionIcon
        size="sm"
        variant="subtle"
        disabled={index >= count - 1}
        aria-label={t('agenda.entry.moveDown', { title: label })}
        onClick={() => handlers.move(entry.key, 1)}
      >
        <span aria-hidden>↓</span>
      </ActionIcon>
    </Group>
  );
}

/**
 * The length of an item in minutes. What is typed stays in the field while it is typed (an empty
 * field between two numbers is fine); each whole number re-times the following items at once.
 */
function DurationField({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: number | null;
  disabled: boolean;
  onChange: (minutes: number) => void;
}) {
  const [text, setText] = useState<string | number>(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <NumberInput
      aria-label={label}
      size="xs"
      w={60}
      min={0}
      max={1439}
      step={5}
      allowDecimal={false}
      allowNegative={false}
      hideControls
      disabled={disabled}
      value={text}
      onChange={(next) => {
        setText(next);
        if (typeof next === 'number' && Number.isInteger(next) && next >= 0 && next <= 1439) onChange(next);
      }}
      onBlur={() => setText(value ?? '')}
    />
  );
}

/** One line of the agenda: a part header (bold, spanning the table) or an item with its columns. */
export const AgendaRow = memo(function AgendaRow({
  entry,
  index,
  count,
  kindOptions,
  organisationOptions,
  personOptions,
  issues,
  dropTarget,
  readOnly,
  handlers,
  followUpCount,
}: AgendaRowProps) {
  const { t } = useTranslation();
  const label = entry.title.trim() || t('agenda.entry.untitled');
  const titleMissing = entry.title.trim() === '';
  const duration = minutesBetween(entry.startTime, entry.endTime);
  const rowProps = {
    'data-entry-key': entry.key,
    onDragOver: (event: DragEvent<HTMLTableRowElement>) => handlers.dragOver(event, entry.key),
    onDrop: (event: DragEvent<HTMLTableRowElement>) => handlers.drop(event, entry.key),
    style: dropTarget ? { boxShadow: 'inset 0 2px 0 var(--mantine-color-teal-6)' } : undefined,
  };
  const remove = readOnly ? null : (
    <ActionIcon
      size="sm"
      variant="subtle"
      color="red"
      aria-label={t('agenda.entry.remove', { title: label })}
      onClick={() => handlers.remove(entry.key)}
    >
      <span aria-hidden>✕</span>
    </ActionIcon>
  );
  const problems =
    issues.length > 0 ? (
      <Table.Tr>
        <Table.Td colSpan={AGENDA_COLUMNS} pt={0}>
          <Stack gap={0}>
            {issues.map((message) => (
              <Text key={message} size="xs" c="red">
                {message}
              </Text>
            ))}
          </Stack>
        </Table.Td>
      </Table.Tr>
    ) : null;

  if (entry.entryType === 'part') {
    return (
      <>
        <Table.Tr {...rowProps} bg="var(--mantine-color-gray-0)">
          <Table.Td>
            <MoveControls {...{ entry, label, index, count, readOnly, handlers }} />
          </Table.Td>
          <Table.Td colSpan={AGENDA_COLUMNS - 2}>
            <TextInput
              aria-label={t('agenda.entry.titleOfPart', { n: index + 1 })}
              size="xs"
              variant="unstyled"
              styles={{ input: { fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' } }}
              placeholder={t('agenda.entry.partPlaceholder')}
              value={entry.title}
              readOnly={readOnly}
              error={titleMissing ? t('agenda.entry.titleRequired') : undefined}
              onChange={(event) => handlers.patch(entry.key, { title: event.currentTarget.value })}
            />
          </Table.Td>
          <Table.Td>{remove}</Table.Td>
        </Table.Tr>
        {problems}
      </>
    );
  }

  return (
    <>
      <Table.Tr {...rowProps}>
        <Table.Td>
          <MoveControls {...{ entry, label, index, count, readOnly, handlers }} />
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <TimeField
              label={t('agenda.entry.startOf', { title: label })}
              placeholder={t('agenda.entry.start')}
              value={entry.startTime}
              disabled={readOnly}
              onChange={(startTime) => handlers.patch(entry.key, { startTime })}
            />
            <Text size="xs" c="dimmed" aria-hidden>
              –
            </Text>
            <TimeField
              label={t('agenda.entry.endOf', { title: label })}
              placeholder={t('agenda.entry.end')}
              value={entry.endTime}
              disabled={readOnly}
              onChange={(endTime) => handlers.patch(entry.key, { endTime })}
            />
          </Group>
        </Table.Td>
        <Table.Td>
          <DurationField
            label={t('agenda.entry.durationOf', { title: label })}
            value={duration !== null && duration >= 0 ? duration : null}
            disabled={readOnly}
            onChange={(minutes) => handlers.setDuration(entry.key, minutes)}
          />
        </Table.Td>
        <Table.Td>
          <Select
            aria-label={t('agenda.entry.kindOf', { title: label })}
            size="xs"
            w={136}
            data={kindOptions}
            value={entry.kind}
            placeholder={t('agenda.entry.noKind')}
            clearable
            disabled={readOnly}
            comboboxProps={{ withinPortal: true }}
            onChange={(kind) => handlers.patch(entry.key, { kind: (kind as AgendaItemKind | null) ?? null })}
          />
        </Table.Td>
        <Table.Td miw={220}>
          {/* Real titles are long ("Plénière : présentation de la synthèse de l’étude…"): they wrap. */}
          <Textarea
            aria-label={t('agenda.entry.titleOfItem', { n: index + 1 })}
            size="xs"
            autosize
            minRows={1}
            maxRows={4}
            placeholder={t('agenda.entry.itemPlaceholder')}
            value={entry.title}
            readOnly={readOnly}
            error={titleMissing ? t('agenda.entry.titleRequired') : undefined}
            onKeyDown={(event) => {
              // A title is one line: Enter leaves it as it is.
              if (event.key === 'Enter') event.preventDefault();
            }}
            onChange={(event) =>
              handlers.patch(entry.key, { title: event.currentTarget.value.replace(/\s*\n\s*/g, ' ') })
            }
          />
          {entry.kind === 'recommendations_follow_up' && followUpCount != null ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('agenda.entry.followUpCount', { count: followUpCount })}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td miw={180} maw={240}>
          <Stack gap={4}>
            <TextInput
              aria-label={t('agenda.entry.responsibleTextOf', { title: label })}
              size="xs"
              placeholder={t('agenda.entry.responsiblePlaceholder')}
              value={entry.responsible.text}
              readOnly={readOnly}
              onChange={(event) =>
                handlers.patch(entry.key, {
                  responsible: { ...entry.responsible, text: event.currentTarget.value },
                })
              }
            />
            <MultiSelect
              aria-label={t('agenda.entry.organisationsOf', { title: label })}
              size="xs"
              data={organisationOptions.data}
              renderOption={({ option }) => organisationOptions.full.get(option.value) ?? option.label}
              value={entry.responsible.organisationIds}
              placeholder={
                entry.responsible.organisationIds.length === 0
                  ? t('agenda.entry.organisationsPlaceholder')
                  : ''
              }
              searchable
              filter={organisationOptions.filter}
              limit={50}
              disabled={readOnly}
              comboboxProps={{ withinPortal: true }}
              onChange={(organisationIds) =>
                handlers.patch(entry.key, { responsible: { ...entry.responsible, organisationIds } })
              }
            />
            <MultiSelect
              aria-label={t('agenda.entry.personsOf', { title: label })}
              size="xs"
              data={personOptions.data}
              renderOption={({ option }) => personOptions.full.get(option.value) ?? option.label}
              value={entry.responsible.personIds}
              placeholder={
                entry.responsible.personIds.length === 0 ? t('agenda.entry.personsPlaceholder') : ''
              }
              searchable
              filter={personOptions.filter}
              limit={50}
              disabled={readOnly}
              comboboxProps={{ withinPortal: true }}
              onChange={(personIds) =>
                handlers.patch(entry.key, { responsible: { ...entry.responsible, personIds } })
              }
            />
          </Stack>
        </Table.Td>
        <Table.Td miw={130}>
          <DocumentsCell
            entryTitle={label}
            documents={entry.documents}
            readOnly={readOnly}
            onChange={(documents) => handlers.patch(entry.key, { documents })}
          />
        </Table.Td>
        <Table.Td>{remove}</Table.Td>
      </Table.Tr>
      {problems}
    </>
  );
});
