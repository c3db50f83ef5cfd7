import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ParticipantsPreviewSchema } from '../../../shared/rpc/meetings';
import { errorMessage, issueMessage } from '../../app/errors';
import { call, RpcError, useRpcMutation } from '../../app/rpc';
import { fileToBase64 } from './base64';

type Preview = z.infer<typeof ParticipantsPreviewSchema>;
type Row = Preview['rows'][number];

/** The contract accepts 14 000 000 base64 characters: about 10 MB of file. */
const MAX_MEGABYTES = 10;
const MAX_BYTES = MAX_MEGABYTES * 1024 * 1024;
/** A preview of a very long sheet shows its first rows (and every row with a problem). */
const SHOWN_ROWS = 500;

const FIELDS = ['name', 'firstName', 'function', 'structure', 'sex', 'email', 'phone'] as const;

type State =
  | { kind: 'closed' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'failed'; messages: string[] }
  | { kind: 'preview'; preview: Preview };

/**
 * Words for a refused file: the backend's own sentence for a format problem (it names the row and
 * the column), every field problem for a validation error.
 */
export function importErrorMessages(error: unknown, t: TFunction): string[] {
  if (error instanceof RpcError) {
    if (error.code === 'IMPORT_FORMAT') return [error.payload.message];
    if (error.code === 'VALIDATION' && error.issues.length > 0) {
      return error.issues.map((issue) => issueMessage(issue, t));
    }
  }
  return [errorMessage(error, t)];
}

/** The backend's messages already say "Ligne 12, colonne C : …"; others get their place added. */
function located(t: TFunction, p: { row: number | null; column: string | null; message: string }): string {
  if (/^(ligne|colonne|row|column)\b/i.test(p.message)) return p.message;
  if (p.row !== null && p.column) return t('attendance.import.errorAt', p);
  if (p.row !== null) return t('attendance.import.errorAtRow', p);
  if (p.column) return t('attendance.import.errorAtColumn', p);
  return p.message;
}

function fieldLabel(t: TFunction, field: string): string {
  return (FIELDS as readonly string[]).includes(field) ? t(`attendance.import.field.${field}`) : field;
}

function actionColor(action: Row['action']): string {
  if (action === 'match_invitee') return 'teal';
  if (action === 'walk_in') return 'blue';
  return 'gray';
}

/** "Importer une liste de participants": choose a sheet, check what will happen, then write it all. */
export function ImportParticipants({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'closed' });
  const [create, setCreate] = useState<Set<string>>(() => new Set());
  const [commitError, setCommitError] = useState<string[] | null>(null);
  const commit = useRpcMutation('attendance.commitImport');

  const close = () => {
    if (commit.isPending) return;
    setState({ kind: 'closed' });
    setCommitError(null);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // The same file chosen again (after correcting it) must trigger a new reading.
    event.currentTarget.value = '';
    if (!file) return;
    setCommitError(null);
    if (file.size > MAX_BYTES) {
      setState({ kind: 'failed', messages: [t('attendance.import.tooLarge', { max: MAX_MEGABYTES })] });
      return;
    }
    setState({ kind: 'reading', fileName: file.name });
    try {
      const data = await fileToBase64(file);
      // A direct call, not a cached query: the file's bytes do not belong in the query cache.
      const preview = await call('attendance.previewImport', { meetingId, fileName: file.name, data });
      setCreate(new Set(preview.newOrganisations));
      setState({ kind: 'preview', preview });
    } catch (error) {
      setState({ kind: 'failed', messages: importErrorMessages(error, t) });
    }
  };

  const submit = async (preview: Preview) => {
    setCommitError(null);
    const createOrganisations = preview.newOrganisations.filter((name) => create.has(name));
    try {
      await commit.mutateAsync({ meetingId, rows: preview.rows, createOrganisations });
      const present = preview.rows.filter((r) => r.action === 'match_invitee').length;
      const walkIns = preview.rows.filter((r) => r.action === 'walk_in').length;
      notifications.show({
        color: 'teal',
        autoClose: 6000,
        message: [
          t('attendance.import.resultPresent', { count: present }),
          t('attendance.import.resultWalkIns', { count: walkIns }),
          t('attendance.import.resultOrganisations', { count: createOrganisations.length }),
        ].join(', '),
      });
      setState({ kind: 'closed' });
    } catch (error) {
      setCommitError(importErrorMessages(error, t));
    }
  };

  const renderPreview = (preview: Preview) => {
    const toImport = preview.rows.filter((r) => r.action !== 'skip').length;
    const shown = preview.rows.filter((r, index) => index < SHOWN_ROWS || r.problems.length > 0);
    const mapping = Object.entries(preview.columns);
    return (
      <Stack gap="sm">
        <Text size="sm">
          {t('attendance.import.fileInfo', {
            file: preview.fileName,
            sheet: preview.sheet,
            row: preview.headerRow,
          })}
        </Text>
        {mapping.length > 0 ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('attendance.import.mapping')}
            </Text>
            <Group gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {mapping.map(([field, column]) => (
                <Badge key={field} variant="outline" color="gray" component="li" tt="none">
                  {t('attendance.import.columnOf', { field: fieldLabel(t, field), column })}
                </Badge>
              ))}
            </Group>
          </Stack>
        ) : null}
        {preview.errors.length > 0 ? (
          <Alert color="red" title={t('attendance.import.errorsTitle')}>
            <ScrollArea.Autosize mah={160}>
              <List size="sm">
                {preview.errors.map((e) => (
                  <List.Item key={`${e.row}-${e.column}-${e.message}`}>{located(t, e)}</List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
          </Alert>
        ) : null}
        {preview.newOrganisations.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('attendance.import.newOrganisations')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('attendance.import.newOrganisationsHint')}
            </Text>
            {preview.newOrganisations.map((name) => (
              <Checkbox
                key={name}
                label={t('attendance.import.createOrganisation', { name })}
                checked={create.has(name)}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setCreate((prev) => {
                    const next = new Set(prev);
                    if (checked) next.add(name);
                    else next.delete(name);
                    return next;
                  });
                }}
              />
            ))}
          </Stack>
        ) : null}
        {preview.rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('attendance.import.noRows')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={820} mah={420}>
            <Table verticalSpacing={4} stickyHeader aria-label={t('attendance.import.rowsLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('attendance.import.row')}</Table.Th>
                  <Table.Th>{t('attendance.import.field.name')}</Table.Th>
                  <Table.Th>{t('attendance.import.field.function')}</Table.Th>
                  <Table.Th>{t('attendance.import.field.structure')}</Table.Th>
                  <Table.Th>{t('attendance.import.field.sex')}</Table.Th>
                  <Table.Th>{t('attendance.import.action')}</Table.Th>
                  <Table.Th>{t('attendance.import.problems')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => (
                  <Table.Tr key={r.row} data-row={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.name || t('attendance.common.none')}</Text>
                      {r.personMatch ? (
                        <Text size="xs" c="dimmed">
                          {t('attendance.import.knownPerson', { name: r.personMatch.label })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.function ?? t('attendance.common.none')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.structure ?? t('attendance.common.none')}</Text>
                      {r.organisationMatch ? (
                        <Text size="xs" c="dimmed">
                          {t('attendance.import.knownOrganisation', { name: r.organisationMatch.label })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.sex ? t(`vocab.sex.${r.sex}`) : t('attendance.common.none')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={actionColor(r.action)} tt="none">
                        {t(`attendance.import.actionLabel.${r.action}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {r.problems.map((p) => (
                        <Text key={`${p.column}-${p.message}`} size="sm" c="red">
                          {located(t, { row: r.row, column: p.column, message: p.message })}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {shown.length < preview.rows.length ? (
          <Text size="xs" c="dimmed">
            {t('attendance.import.hiddenRows', { count: preview.rows.length - shown.length })}
          </Text>
        ) : null}
        {commitError ? (
          <Alert color="red" title={t('attendance.import.nothingWritten')}>
            <List size="sm">
              {commitError.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={commit.isPending}>
            {t('attendance.common.cancel')}
          </Button>
          <Button onClick={() => void submit(preview)} loading={commit.isPending} disabled={toImport === 0}>
            {t('attendance.import.commit', { count: toImport })}
          </Button>
        </Group>
      </Stack>
    );
  };

  return (
    <>
      <Button variant="light" onClick={() => input.current?.click()} loading={state.kind === 'reading'}>
        {t('attendance.import.button')}
      </Button>
      <VisuallyHidden>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xls,.ods,.csv"
          aria-label={t('attendance.import.fileLabel')}
          tabIndex={-1}
          onChange={(event) => void onFile(event)}
        />
      </VisuallyHidden>
      <Modal
        opened={state.kind === 'preview' || state.kind === 'failed'}
        onClose={close}
        title={t('attendance.import.title')}
        size="80rem"
      >
        {state.kind === 'failed' ? (
          <Stack gap="sm">
            <Alert color="red" title={t('attendance.import.nothingWritten')}>
              <List size="sm">
                {state.messages.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.actions.close')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {state.kind === 'preview' ? renderPreview(state.preview) : null}
      </Modal>
    </>
  );
}
