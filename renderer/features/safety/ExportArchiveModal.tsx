import { Alert, Badge, Button, Checkbox, Group, PasswordInput, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination, ExportResult } from '../../../shared/rpc/documents';
import { MIN_ARCHIVE_PASSWORD } from '../../../shared/rpc/safety';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { call, RpcError } from '../../app/rpc';
import { BusyModal } from '../../components/BusyModal';
import { DestinationsStatus, useDestinationChoice } from '../../components/Destinations';
import { FailureAlert } from '../../components/FailureAlert';
import { formatBytes } from '../../components/format';
import { JobButtons, JobProgressBar } from '../../components/jobs';
import { useSafetyJob } from './jobs';

/** The radio value of Concerto's own exports folder; any other value is a folder path. */
const EXPORTS = 'exports';

function destinationOf(choice: string): Destination {
  return choice === EXPORTS ? { kind: 'exports' } : { kind: 'folder', path: choice };
}

interface PasswordErrors {
  password?: string;
  confirm?: string;
}

/**
 * "Exporter une archive": one .concerto file with everything, optionally protected by a
 * password, written to Concerto's folder or straight onto a USB stick.
 */
export function ExportArchiveModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const job = useSafetyJob();
  const [protect, setProtect] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [chosenFolders, setChosenFolders] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<ExportResult | null>(null);
  const destination = useDestinationChoice(EXPORTS, setFailure);
  const choice = destination.value;
  const drives = destination.drives.filter((d) => d.removable);

  const browse = async () => {
    const folder = await destination.browse();
    if (folder) setChosenFolders((folders) => (folders.includes(folder) ? folders : [...folders, folder]));
  };

  const validate = (): PasswordErrors => {
    if (!protect) return {};
    const found: PasswordErrors = {};
    if (password.length < MIN_ARCHIVE_PASSWORD) found.password = t('errors.field.passwordTooShort');
    else if (confirm !== password) found.confirm = t('safety.exportArchive.mismatch');
    return found;
  };

  const submit = async () => {
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (found.password || found.confirm) return;
    try {
      const result = await job.run((jobId) =>
        call('archives.export', {
          destination: destinationOf(choice),
          jobId,
          ...(protect ? { password } : {}),
        }),
      );
      setDone(result);
    } catch (error) {
      if (job.wasStopped()) {
        setFailure(t('safety.exportArchive.cancelled'));
        return;
      }
      const issue =
        error instanceof RpcError && error.code === 'VALIDATION'
          ? error.issues.find((i) => i.path[0] === 'password')
          : undefined;
      if (issue) setErrors({ password: errorMessage(error, t) });
      else setFailure(errorMessage(error, t));
    }
  };

  const running = job.running;
  const file = done?.files[0];
  return (
    <BusyModal title={t('safety.exportArchive.title')} busy={running} onClose={onClose}>
      {done ? (
        <Stack gap="sm">
          <Alert color="teal" role="status">
            <Stack gap={4}>
              <Text size="sm">
                {file
                  ? t('safety.exportArchive.done', {
                      file: file.fileName,
                      size: formatBytes(file.bytes, lang, t),
                      folder: done.folder,
                    })
                  : t('safety.exportArchive.doneFolder', { folder: done.folder })}
              </Text>
              {done.safeToRemove ? (
                <Text size="sm" fw={600}>
                  {t('safety.exportArchive.safeToRemove')}
                </Text>
              ) : null}
              {protect ? <Text size="sm">{t('safety.exportArchive.rememberPassword')}</Text> : null}
            </Stack>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('safety.exportArchive.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('safety.exportArchive.hint')}</Text>

          <Stack gap="xs">
            <Checkbox
              label={t('safety.exportArchive.protect')}
              description={t('safety.exportArchive.protectHint')}
              checked={protect}
              disabled={running}
              onChange={(event) => {
                setProtect(event.currentTarget.checked);
                setErrors({});
              }}
            />
            {protect ? (
              <>
                <PasswordInput
                  label={t('safety.exportArchive.password')}
                  description={t('safety.exportArchive.passwordHint', { min: MIN_ARCHIVE_PASSWORD })}
                  value={password}
                  onChange={(event) => {
                    setPassword(event.currentTarget.value);
                    setErrors({});
                  }}
                  error={errors.password}
                  disabled={running}
                  maxLength={200}
                  autoComplete="new-password"
                  data-autofocus
                />
                <PasswordInput
                  label={t('safety.exportArchive.confirm')}
                  value={confirm}
                  onChange={(event) => {
                    setConfirm(event.currentTarget.value);
                    setErrors({});
                  }}
                  error={errors.confirm}
                  disabled={running}
                  maxLength={200}
                  autoComplete="new-password"
                />
                <Alert color="orange">{t('safety.exportArchive.warning')}</Alert>
              </>
            ) : null}
          </Stack>

          <Radio.Group
            label={t('safety.exportArchive.destination')}
            value={choice}
            onChange={(value) => destination.choose(value)}
          >
            <Stack gap="xs" mt="xs">
              <Radio value={EXPORTS} label={t('safety.exportArchive.concertoFolder')} disabled={running} />
              {drives.map((drive) => (
                <Radio
                  key={drive.path}
                  value={drive.path}
                  disabled={running}
                  label={
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{drive.label || drive.path}</Text>
                      <Badge size="xs" variant="light">
                        {t('safety.exportArchive.removable')}
                      </Badge>
                    </Group>
                  }
                  description={[
                    drive.path,
                    drive.free !== null
                      ? t('safety.exportArchive.free', { size: formatBytes(drive.free, lang, t) })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              ))}
              {chosenFolders.map((folder) => (
                <Radio key={folder} value={folder} label={folder} disabled={running} />
              ))}
            </Stack>
          </Radio.Group>
          <DestinationsStatus
            choice={destination}
            loadingText={t('safety.exportArchive.loadingDestinations')}
            noneText={t('safety.exportArchive.noRemovable')}
          />
          {destination.canBrowse ? (
            <Group>
              <Button variant="default" size="xs" onClick={() => void browse()} disabled={running}>
                {t('safety.exportArchive.browse')}
              </Button>
            </Group>
          ) : null}

          {running ? (
            <JobProgressBar
              text={
                job.percent !== null
                  ? t('safety.exportArchive.progress', { percent: job.percent })
                  : t('safety.exportArchive.writing')
              }
              label={t('safety.exportArchive.writing')}
              value={job.percent}
            />
          ) : null}
          <FailureAlert message={failure} />
          <JobButtons
            running={running}
            stopLabel={t('safety.exportArchive.stop')}
            onStop={() => void job.stop()}
            cancelLabel={t('safety.exportArchive.cancel')}
            onCancel={onClose}
          >
            <Button onClick={() => void submit()} loading={running}>
              {t('safety.exportArchive.submit')}
            </Button>
          </JobButtons>
        </Stack>
      )}
    </BusyModal>
  );
}
