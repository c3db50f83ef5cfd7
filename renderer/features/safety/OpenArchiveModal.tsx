import { Badge, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../shared/rpc';
import { MAX_ARCHIVE_UPLOAD_BYTES, MIN_ARCHIVE_PASSWORD } from '../../../shared/rpc/safety';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { call, RpcError, useRpc } from '../../app/rpc';
import { BusyModal } from '../../components/BusyModal';
import { FailureAlert } from '../../components/FailureAlert';
import { FileDrop, useFileDrag } from '../../components/FileDrop';
import { formatBytes } from '../../components/format';
import { RemovableFileList } from '../../components/RemovableFileList';
import { fileToBase64 } from '../attendance/base64';
import { formatBackupDate, formatFiles, formatSummary } from './format';
import { type RestoreOutcome, useRestore } from './restore';

type ArchiveSource = InputOf<'archives.open'>['source'];
type OpenedArchive = OutputOf<'archives.open'>;

/** What the file input offers; the backend checks the content whatever the name. */
const ACCEPTED = '.concerto';

export interface OpenArchiveModalProps {
  /** 'safe': the current database is damaged; it is set aside rather than offered back. */
  mode?: 'normal' | 'safe';
  onClose: () => void;
  onRestored: (outcome: RestoreOutcome) => void;
}

/**
 * "Ouvrir une archive": a .concerto file dropped, chosen or found on a USB stick; its password
 * when it has one; then what it holds, before the data of this computer is replaced by it.
 */
export function OpenArchiveModal({ mode = 'normal', onClose, onRestored }: OpenArchiveModalProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { restoreArchive } = useRestore();
  const [source, setSource] = useState<ArchiveSource | null>(null);
  const [opened, setOpened] = useState<OpenedArchive | null>(null);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  const open = async (next: ArchiveSource, label: string) => {
    setFailure(null);
    setReading(t('safety.openArchive.reading', { file: label }));
    try {
      const result = await call('archives.open', { source: next });
      setSource(next);
      setOpened(result);
      setPassword('');
      setPasswordError(null);
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setReading(null);
    }
  };

  const onFile = async (file: File) => {
    setFailure(null);
    // Refused before reading: a file this large would only fill the memory to be refused later.
    if (file.size > MAX_ARCHIVE_UPLOAD_BYTES) {
      setFailure(
        t('safety.openArchive.tooLarge', {
          file: file.name,
          max: formatBytes(MAX_ARCHIVE_UPLOAD_BYTES, lang, t),
        }),
      );
      return;
    }
    setReading(t('safety.openArchive.reading', { file: file.name }));
    let data: string;
    try {
      data = await fileToBase64(file);
    } catch (error) {
      setReading(null);
      setFailure(errorMessage(error, t));
      return;
    }
    await open({ kind: 'upload', fileName: file.name, data }, file.name);
  };

  const unlock = async () => {
    if (!source) return;
    if (password.length < MIN_ARCHIVE_PASSWORD) {
      setPasswordError(t('errors.field.passwordTooShort'));
      return;
    }
    setPasswordError(null);
    setReading(t('safety.openArchive.unlocking'));
    try {
      setOpened(await call('archives.open', { source, password }));
    } catch (error) {
      const wrong =
        error instanceof RpcError && (error.code === 'ARCHIVE_INVALID' || error.code === 'VALIDATION');
      if (wrong) setPasswordError(errorMessage(error, t));
      else setFailure(errorMessage(error, t));
    } finally {
      setReading(null);
    }
  };

  const replace = async () => {
    if (!opened?.manifest) return;
    setRestoring(true);
    setFailure(null);
    try {
      const result = await restoreArchive(opened.archiveId, opened.encrypted ? password : undefined);
      setRestoring(false);
      onRestored({
        kind: 'restored',
        message: t('safety.restore.doneArchive', { date: formatBackupDate(result.manifest.createdAt, lang) }),
        beforeRestore: result.beforeRestore,
      });
    } catch (error) {
      setRestoring(false);
      setFailure(errorMessage(error, t));
    }
  };

  const startOver = () => {
    setSource(null);
    setOpened(null);
    setPassword('');
    setPasswordError(null);
    setFailure(null);
  };

  const busy = reading !== null || restoring;
  const manifest = opened?.manifest ?? null;
  return (
    <BusyModal title={t('safety.openArchive.title')} busy={busy} onClose={onClose}>
      <Stack gap="md">
        {!opened ? (
          <ChooseArchive reading={reading} onFile={(file) => void onFile(file)} onPath={open} />
        ) : !manifest ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void unlock();
            }}
            noValidate
          >
            <Stack gap="sm">
              <Text size="sm" fw={500}>
                {opened.fileName}
              </Text>
              <Text size="sm">{t('safety.openArchive.encrypted')}</Text>
              <PasswordInput
                label={t('safety.openArchive.password')}
                value={password}
                onChange={(event) => {
                  setPassword(event.currentTarget.value);
                  setPasswordError(null);
                }}
                error={passwordError}
                disabled={busy}
                maxLength={200}
                autoComplete="off"
                data-autofocus
              />
              {reading ? (
                <Text size="sm" c="dimmed">
                  {reading}
                </Text>
              ) : null}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={startOver} disabled={busy}>
                  {t('safety.openArchive.other')}
                </Button>
                <Button type="submit" loading={busy}>
                  {t('safety.openArchive.unlock')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Stack gap="sm">
            <Paper withBorder p="md">
              <Stack gap={4}>
                <Group gap="xs">
                  <Title order={4}>
                    {t('safety.openArchive.manifestTitle', {
                      date: formatBackupDate(manifest.createdAt, lang),
                    })}
                  </Title>
                  {manifest.encrypted ? (
                    <Badge variant="light">{t('safety.openArchive.protected')}</Badge>
                  ) : null}
                </Group>
                <Text size="sm" c="dimmed">
                  {opened.fileName}
                </Text>
                <Text size="sm">{t('safety.openArchive.createdBy', { version: manifest.appVersion })}</Text>
                <Text size="sm">
                  {t('safety.openArchive.contents', { summary: formatSummary(manifest.summary, lang, t) })}
                </Text>
                <Text size="sm">
                  {formatFiles(manifest.files, lang, t)} ·{' '}
                  {t('safety.openArchive.size', { size: formatBytes(manifest.sizeBytes, lang, t) })}
                </Text>
              </Stack>
            </Paper>
            <Text size="sm">{t('safety.openArchive.what')}</Text>
            <Text size="sm">
              {mode === 'safe' ? t('safety.restore.keepDamaged') : t('safety.restore.keep')}
            </Text>
            {restoring ? (
              <Text size="sm" c="dimmed">
                {t('safety.openArchive.replacing')}
              </Text>
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={startOver} disabled={busy}>
                {t('safety.openArchive.other')}
              </Button>
              <Button color="orange" loading={restoring} onClick={() => void replace()}>
                {t('safety.openArchive.replace')}
              </Button>
            </Group>
          </Stack>
        )}
        <FailureAlert message={failure} />
      </Stack>
    </BusyModal>
  );
}

function ChooseArchive({
  reading,
  onFile,
  onPath,
}: {
  reading: string | null;
  onFile: (file: File) => void;
  onPath: (source: ArchiveSource, label: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { dragging, dropZone } = useFileDrag(onFile);
  const files = useRpc('archives.removableFiles', {}, { staleTime: 0 });

  return (
    <Stack gap="md">
      <FileDrop
        heading={
          <Text fw={600}>
            {dragging ? t('safety.openArchive.dropActive') : t('safety.openArchive.dropTitle')}
          </Text>
        }
        inputLabel={t('safety.openArchive.input')}
        chooseLabel={t('safety.openArchive.choose')}
        accept={ACCEPTED}
        reading={reading}
        dragging={dragging}
        onFile={onFile}
        dropZone={dropZone}
      />
      <RemovableFileList
        texts="safety.openArchive"
        heading={<Text fw={600}>{t('safety.openArchive.usbTitle')}</Text>}
        files={files.data?.map((f) => ({ ...f, bytes: f.sizeBytes }))}
        loading={files.isLoading}
        refreshing={files.isFetching}
        error={files.error}
        onRefresh={() => void files.refetch()}
        formatDate={(value) => formatBackupDate(value, lang)}
        minWidth={520}
        disabled={reading !== null}
        onOpen={(f) => void onPath({ kind: 'path', path: f.path }, f.fileName)}
      />
    </Stack>
  );
}
