import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../shared/rpc/partners';
import { useLanguage } from '../../../app/i18n';
import { useRpc } from '../../../app/rpc';
import { formatDateTime } from '../../../components';
import { FileDrop } from '../../../components/FileDrop';
import { formatBytes } from '../../../components/format';
import { RemovableFileList } from '../../../components/RemovableFileList';
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

  return (
    <Stack gap="lg">
      <FileDrop
        heading={
          <Title order={3}>{dragging ? t('imports.file.dropActive') : t('imports.file.dropTitle')}</Title>
        }
        description={
          <Text size="sm" c="dimmed" maw={560}>
            {t('imports.file.dropText')}
          </Text>
        }
        inputLabel={t('imports.file.input')}
        chooseLabel={t('imports.file.choose')}
        accept={ACCEPTED}
        reading={reading}
        dragging={dragging}
        onFile={onFile}
        prominent
      />
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
    <RemovableFileList
      texts="imports.file"
      heading={<Title order={4}>{t('imports.file.usbTitle')}</Title>}
      files={files.data}
      loading={files.isLoading}
      refreshing={files.isFetching}
      error={files.error}
      onRefresh={() => void files.refetch()}
      formatDate={(value) => formatDateTime(value, lang)}
      minWidth={560}
      disabled={disabled}
      onOpen={(f) => onPath(f.path)}
    />
  );
}
