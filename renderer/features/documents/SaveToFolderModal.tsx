import { Alert, Badge, Button, Group, List, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/rpc/documents';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { call, RpcError } from '../../app/rpc';
import { BusyModal } from '../../components/BusyModal';
import { DestinationsStatus, type Drive, useDestinationChoice } from '../../components/Destinations';
import { FailureAlert } from '../../components/FailureAlert';
import { formatBytes } from '../../components/format';
import { JobButtons, JobProgressBar, useJob } from '../../components/jobs';
import type { Attachment } from './EmailDraftModal';

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
  const [pathError, setPathError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<ExportResult | null>(null);
  const destination = useDestinationChoice('', setFailure);
  const job = useJob('exports:progress', 'exports.cancel');
  const path = destination.value;
  const progress = job.progress;

  const choose = (value: string) => {
    destination.choose(value);
    setPathError(null);
  };

  const browse = async () => {
    if (await destination.browse()) setPathError(null);
  };

  const save = async () => {
    if (path.trim() === '') {
      setPathError(t('errors.field.required'));
      return;
    }
    setFailure(null);
    setPathError(null);
    try {
      const result = await job.run((jobId) =>
        call('exports.save', {
          items: attachments.map((a) => a.item),
          destination: { kind: 'folder', path },
          jobId,
        }),
      );
      setDone(result);
    } catch (error) {
      if (job.wasStopped()) setFailure(t('documents.save.cancelled'));
      else {
        const issue =
          error instanceof RpcError && error.code === 'VALIDATION'
            ? error.issues.find((i) => i.path[0] === 'destination')
            : undefined;
        if (issue) setPathError(errorMessage(error, t));
        else setFailure(errorMessage(error, t));
      }
    }
  };

  const running = job.running;
  return (
    <BusyModal title={t('documents.save.title')} busy={running} onClose={onClose}>
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
            <DestinationsStatus
              choice={destination}
              loadingText={t('documents.save.loadingDestinations')}
              noneText={t('documents.save.noDestinations')}
            />
            {destination.drives.map((drive) => (
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
            {destination.canBrowse ? (
              <Button variant="default" mt={25} onClick={() => void browse()} disabled={running}>
                {t('documents.save.browse')}
              </Button>
            ) : null}
          </Group>
          {running ? (
            <JobProgressBar
              text={
                progress
                  ? t('documents.save.progress', { done: progress.done, total: progress.total })
                  : t('documents.save.writing')
              }
              label={t('documents.save.writing')}
              value={progress ? (progress.done / progress.total) * 100 : null}
            />
          ) : null}
          <FailureAlert message={failure} />
          <JobButtons
            running={running}
            stopLabel={t('documents.save.stop')}
            onStop={() => void job.stop()}
            cancelLabel={t('documents.save.cancel')}
            onCancel={onClose}
          >
            <Button onClick={() => void save()} loading={running} disabled={attachments.length === 0}>
              {t('documents.save.submit')}
            </Button>
          </JobButtons>
        </Stack>
      )}
    </BusyModal>
  );
}
