import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type ChangeEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../shared/rpc/partners';
import { errorMessage } from '../../../app/errors';
import { useLanguage } from '../../../app/i18n';
import { useRpc } from '../../../app/rpc';
import { formatDateTime } from '../../../components';
import { formatBytes } from '../../../components/format';
import { shortHash } from '../labels';

/** What the file input accepts: the formats the backend reads. */
export const ACCEPTED = '.xlsx,.xls,.ods,.csv,.eml,.msg';

export interface FileStepProps {
  staged: StagedFile | null;
  /** "Lecture de « x.xlsx »…" while a file is being staged. */
  reading: string | null;
  /** A French sentence when the last file was refused. */
  error: string | null;
  /** A file is being dragged over the page. */
  dragging: boolean;
  onFile: (file: File) => void;
  onPath: (path: string) => void;
  onAttachment: (index: number) => void;
}

/**
 * Step 1: where the file comes from (drop, picker, USB stick, email attachment) and what was
 * received: its fingerprint and whether it was imported before.
 */
export function FileStep({ staged, reading, error, dragging, onFile, onPath, onAttachment }: FileStepProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // The same file chosen again (after the partner corrected it) must be read again.
    event.currentTarget.value = '';
    if (file) onFile(file);
  };

  return (
    <Stack gap="lg">
      <Paper
        withBorder
        p="xl"
        radius="md"
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
        }}
      >
        <Stack align="center" gap="sm" ta="center">
          <Title order={3}>{dragging ? t('imports.file.dropActive') : t('imports.file.dropTitle')}</Title>
          <Text size="sm" c="dimmed" maw={560}>
            {t('imports.file.dropText')}
          </Text>
          <VisuallyHidden>
            <label>
              {t('imports.file.input')}
              <input ref={input} type="file" accept={ACCEPTED} onChange={onChange} />
            </label>
          </VisuallyHidden>
          <Button onClick={() => input.current?.click()} loading={reading !== null} size="md">
            {t('imports.file.choose')}
          </Button>
          {reading ? (
            <Text size="sm" c="dimmed">
              {reading}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      {staged ? <StagedSummary staged={staged} onAttachment={onAttachment} /> : null}
      <RemovableFiles onPath={onPath} disabled={reading !== null} />
    </Stack>
  );
}

function StagedSummary({
  staged,
  onAttachment,
}: {
  staged: StagedFile;
  onAttachment: (index: number) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const email = staged.email;
  const spreadsheets = email?.attachments.filter((a) => a.spreadsheet) ?? [];
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={600}>{t('imports.file.staged')}</Text>
          <Text>{staged.fileName}</Text>
          <Badge variant="light">{t(`vocab.importSource.${staged.source}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('imports.file.size', { size: formatBytes(staged.bytes, lang, t) })} ·{' '}
          <span title={staged.sha256}>
            {t('imports.file.fingerprint', { hash: shortHash(staged.sha256) })}
          </span>
        </Text>
        {staged.previousImports.length > 0 ? (
          <Alert color="orange" title={t('imports.file.previousTitle')}>
            <Stack gap={4}>
              {staged.previousImports.map((p) => (
                <Text key={p.batchId} size="sm">
                  {t('imports.file.previousLine', {
                    date: formatDateTime(p.at, lang),
                    who: p.actor,
                    state: p.undone ? t('imports.file.previousUndone') : t('imports.file.previousInForce'),
                  })}
                </Text>
              ))}
              <Text size="sm">{t('imports.file.previousHint')}</Text>
            </Stack>
          </Alert>
        ) : null}
        {email ? (
          <Stack gap="xs" mt="xs">
            <Text fw={600}>{t('imports.file.emailTitle')}</Text>
            <Text size="sm">{t('imports.file.emailSubject', { subject: email.subject })}</Text>
            <Text size="sm">{t('imports.file.emailFrom', { from: email.from })}</Text>
            {email.date ? (
              <Text size="sm">{t('imports.file.emailDate', { date: formatDateTime(email.date, lang) })}</Text>
            ) : null}
            {email.attachments.length > 0 ? (
              <>
                <Text size="sm" fw={600}>
                  {t('imports.file.attachments')}
                </Text>
                <List size="sm" spacing={4}>
                  {email.attachments.map((a) => (
                    <List.Item key={a.index}>
                      <Group gap="xs">
                        <Text size="sm">
                          {a.fileName} ({formatBytes(a.bytes, lang, t)})
                        </Text>
                        {a.spreadsheet ? (
                          <Button size="xs" variant="light" onClick={() => onAttachment(a.index)}>
                            {t('imports.file.useAttachment', { file: a.fileName })}
                          </Button>
                        ) : (
                          <Badge variant="outline" color="gray">
                            {t('imports.file.notSpreadsheet')}
                          </Badge>
                        )}
                      </Group>
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
            {spreadsheets.length === 0 ? (
              <Alert color="orange">{t('imports.file.noSpreadsheet')}</Alert>
            ) : (
              <Text size="sm" c="dimmed">
                {t('imports.file.chooseAttachment')}
              </Text>
            )}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

function RemovableFiles({ onPath, disabled }: { onPath: (path: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const files = useRpc('imports.removableFiles', {});
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('imports.file.usbTitle')}</Title>
        <Button variant="subtle" size="xs" onClick={() => void files.refetch()} loading={files.isFetching}>
          {t('imports.file.usbRefresh')}
        </Button>
      </Group>
      {files.isLoading ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {files.error ? <Alert color="red">{errorMessage(files.error, t)}</Alert> : null}
      {files.data && files.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('imports.file.usbEmpty')}
        </Text>
      ) : null}
      {files.data && files.data.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} aria-label={t('imports.file.usbTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.file.usbFile')}</Table.Th>
                <Table.Th>{t('imports.file.usbDrive')}</Table.Th>
                <Table.Th>{t('imports.file.usbDate')}</Table.Th>
                <Table.Th>{t('imports.file.usbSize')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {files.data.map((f) => (
                <Table.Tr key={f.path}>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      disabled={disabled}
                      onClick={() => onPath(f.path)}
                      aria-label={t('imports.file.usbOpen', { file: f.fileName })}
                    >
                      {f.fileName}
                    </Button>
                  </Table.Td>
                  <Table.Td>{f.drive}</Table.Td>
                  <Table.Td>{formatDateTime(f.modifiedAt, lang)}</Table.Td>
                  <Table.Td>{formatBytes(f.bytes, lang, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
