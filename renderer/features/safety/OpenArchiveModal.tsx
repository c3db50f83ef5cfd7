import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type ChangeEvent, type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../shared/rpc';
import { MAX_ARCHIVE_UPLOAD_BYTES, MIN_ARCHIVE_PASSWORD } from '../../../shared/rpc/safety';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { call, RpcError, useRpc } from '../../app/rpc';
import { formatBytes } from '../../components/format';
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
    <Modal
      opened
      onClose={busy ? () => {} : onClose}
      title={t('safety.openArchive.title')}
      size="lg"
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
    >
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
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
      </Stack>
    </Modal>
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
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // The same file chosen again (after a wrong one) must be read again.
    event.currentTarget.value = '';
    if (file) onFile(file);
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    if (!dragging) setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <Stack gap="md">
      <Paper
        withBorder
        p="lg"
        radius="md"
        onDragOver={onDragOver}
        onDragLeave={(event) => {
          if (event.currentTarget === event.target) setDragging(false);
        }}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
        }}
      >
        <Stack align="center" gap="sm" ta="center">
          <Text fw={600}>
            {dragging ? t('safety.openArchive.dropActive') : t('safety.openArchive.dropTitle')}
          </Text>
          <VisuallyHidden>
            <label>
              {t('safety.openArchive.input')}
              <input ref={input} type="file" accept={ACCEPTED} onChange={onChange} />
            </label>
          </VisuallyHidden>
          <Button onClick={() => input.current?.click()} loading={reading !== null}>
            {t('safety.openArchive.choose')}
          </Button>
          {reading ? (
            <Text size="sm" c="dimmed">
              {reading}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <RemovableArchives
        disabled={reading !== null}
        onOpen={(path, fileName) => void onPath({ kind: 'path', path }, fileName)}
      />
    </Stack>
  );
}

function RemovableArchives({
  disabled,
  onOpen,
}: {
  disabled: boolean;
  onOpen: (path: string, fileName: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const files = useRpc('archives.removableFiles', {}, { staleTime: 0 });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>{t('safety.openArchive.usbTitle')}</Text>
        <Button variant="subtle" size="xs" onClick={() => void files.refetch()} loading={files.isFetching}>
          {t('safety.openArchive.usbRefresh')}
        </Button>
      </Group>
      {files.isLoading ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {files.error ? <Alert color="red">{errorMessage(files.error, t)}</Alert> : null}
      {files.data && files.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('safety.openArchive.usbEmpty')}
        </Text>
      ) : null}
      {files.data && files.data.length > 0 ? (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} aria-label={t('safety.openArchive.usbTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('safety.openArchive.usbFile')}</Table.Th>
                <Table.Th>{t('safety.openArchive.usbDrive')}</Table.Th>
                <Table.Th>{t('safety.openArchive.usbDate')}</Table.Th>
                <Table.Th>{t('safety.openArchive.usbSize')}</Table.Th>
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
                      onClick={() => onOpen(f.path, f.fileName)}
                      aria-label={t('safety.openArchive.usbOpen', { file: f.fileName })}
                    >
                      {f.fileName}
                    </Button>
                  </Table.Td>
                  <Table.Td>{f.drive}</Table.Td>
                  <Table.Td>{formatBackupDate(f.modifiedAt, lang)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(f.sizeBytes, lang, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
