import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Progress,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../shared/domain/ids';
import type { OutputOf } from '../../../shared/rpc';
import type { ExportResult } from '../../../shared/rpc/documents';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { bridge, call, RpcError, useRpc } from '../../app/rpc';
import { formatBytes } from '../../components/format';
import type { Attachment } from './EmailDraftModal';

type Drive = OutputOf<'exports.destinations'>[number];

interface JobProgress {
  done: number;
  total: number;
}

/** Reads an `exports:progress` event for one job; the payload is checked, never trusted. */
function progressOf(payload: unknown, jobId: string): JobProgress | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (p.jobId !== jobId) return null;
  const done = typeof p.done === 'number' ? p.done : null;
  const total = typeof p.total === 'number' ? p.total : null;
  return done !== null && total !== null && total > 0 ? { done, total } : null;
}

/**
 * Follows one export job: `exports:progress` events carrying its id while it runs. Returns the
 * latest progress (null until the first event).
 */
export function useExportProgress(jobId: string | null): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!jobId) return;
    return bridge().subscribe('exports:progress', (payload) => {
      const next = progressOf(payload, jobId);
      if (next) setProgress(next);
    });
  }, [jobId]);
  return progress;
}

function DriveChoice({ drive, onChoose }: { drive: Drive; onChoose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <UnstyledButton
      onClick={onChoose}
      aria-label={t('documents.save.choose', { label: drive.label || drive.path })}
      p="xs"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text size="sm" fw={500}>
              {drive.label || drive.path}
            </Text>
            {drive.removable ? (
              <Badge size="xs" variant="light">
                {t('documents.save.removable')}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {drive.path}
          </Text>
        </Stack>
        {drive.free !== null ? (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('documents.save.free', { size: formatBytes(drive.free, lang, t) })}
          </Text>
        ) : null}
      </Group>
    </UnstyledButton>
  );
}

export interface SaveToFolderModalProps {
  attachments: Attachment[];
  onClose: () => void;
}

/**
 * "Enregistrer sur une clé": the files written to a folder the secretary chooses, safely
 * (temporary file, flush, rename — in the backend), then told when the stick can be removed.
 */
export function SaveToFolderModal({ attachments, onClose }: SaveToFolderModalProps) {
  const { t } = useTranslation();
  const destinations = useRpc('exports.destinations', {}, { staleTime: 0 });
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<ExportResult | null>(null);
  const cancelled = useRef(false);
  const touched = useRef(false);
  const progress = useExportProgress(jobId);
  // Offered only where the host has a native dialog (the desktop app), not in a browser.
  const canBrowse = typeof bridge().chooseFolder === 'function';

  const drives = [...(destinations.data ?? [])].sort((a, b) => Number(b.removable) - Number(a.removable));
  const firstRemovable = drives.find((d) => d.removable)?.path;
  // The first stick found is the likely destination, unless the secretary already typed one.
  useEffect(() => {
    if (firstRemovable && !touched.current) setPath(firstRemovable);
  }, [firstRemovable]);

  const choose = (value: string) => {
    touched.current = true;
    setPath(value);
    setPathError(null);
  };

  const browse = async () => {
    try {
      const chosen = await bridge().chooseFolder?.();
      if (chosen) choose(chosen);
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  };

  const save = async () => {
    if (path.trim() === '') {
      setPathError(t('errors.field.required'));
      return;
    }
    const id = uuidv7();
    cancelled.current = false;
    setFailure(null);
    setPathError(null);
    setJobId(id);
    try {
      const result = await call('exports.save', {
        items: attachments.map((a) => a.item),
        destination: { kind: 'folder', path },
        jobId: id,
      });
      setDone(result);
    } catch (error) {
      if (cancelled.current) setFailure(t('documents.save.cancelled'));
      else {
        const issue =
          error instanceof RpcError && error.code === 'VALIDATION'
            ? error.issues.find((i) => i.path[0] === 'destination')
            : undefined;
        if (issue) setPathError(errorMessage(error, t));
        else setFailure(errorMessage(error, t));
      }
    } finally {
      setJobId(null);
    }
  };

  const stop = async () => {
    if (!jobId) return;
    cancelled.current = true;
    try {
      await call('exports.cancel', { jobId });
    } catch {
      // The job may have just finished: its own outcome is what the secretary sees.
    }
  };

  const running = jobId !== null;
  return (
    <Modal
      opened
      onClose={running ? () => {} : onClose}
      title={t('documents.save.title')}
      size="lg"
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
    >
      {done ? (
        <Stack gap="sm">
          <Alert color="teal">
            {[
              t('documents.save.done', { count: done.files.length, folder: done.folder }),
              done.safeToRemove ? t('documents.save.safeToRemove') : null,
            ]
              .filter(Boolean)
              .join(' ')}
          </Alert>
          <List size="sm">
            {done.files.map((file) => (
              <List.Item key={file.id}>{file.fileName}</List.Item>
            ))}
          </List>
          {done.pdfMissingCharacters.length > 0 ? (
            <Alert color="yellow" title={t('documents.notify.missingCharactersTitle')}>
              {t('documents.notify.missingCharacters', { chars: done.pdfMissingCharacters.join(' ') })}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('documents.save.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('documents.save.files', { count: attachments.length })}
            </Text>
            <List size="sm">
              {attachments.map((a) => (
                <List.Item key={a.label}>{a.label}</List.Item>
              ))}
            </List>
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('documents.save.destinations')}
            </Text>
            {destinations.isLoading ? (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t('documents.save.loadingDestinations')}
                </Text>
              </Group>
            ) : drives.some((d) => d.removable) ? null : (
              <Text size="sm" c="dimmed">
                {t('documents.save.noDestinations')}
              </Text>
            )}
            {drives.map((drive) => (
              <DriveChoice key={drive.path} drive={drive} onChoose={() => choose(drive.path)} />
            ))}
          </Stack>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              label={t('documents.save.path')}
              value={path}
              onChange={(e) => choose(e.currentTarget.value)}
              error={pathError}
              maxLength={1000}
              disabled={running}
              style={{ flex: 1 }}
            />
            {canBrowse ? (
              <Button variant="default" mt={25} onClick={() => void browse()} disabled={running}>
                {t('documents.save.browse')}
              </Button>
            ) : null}
          </Group>
          {running ? (
            <Stack gap={4}>
              <Text size="sm">
                {progress
                  ? t('documents.save.progress', { done: progress.done, total: progress.total })
                  : t('documents.save.writing')}
              </Text>
              <Progress
                value={progress ? (progress.done / progress.total) * 100 : 100}
                striped={!progress}
                animated={!progress}
                aria-label={t('documents.save.writing')}
              />
            </Stack>
          ) : null}
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            {running ? (
              <Button variant="default" color="red" onClick={() => void stop()}>
                {t('documents.save.stop')}
              </Button>
            ) : (
              <Button variant="default" onClick={onClose}>
                {t('documents.save.cancel')}
              </Button>
            )}
            <Button onClick={() => void save()} loading={running} disabled={attachments.length === 0}>
              {t('documents.save.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
