import { Alert, Button, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../shared/rpc/safety';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { hrefOf } from '../../app/navigation';
import { call, useRpc } from '../../app/rpc';
import { FailureAlert } from '../../components/FailureAlert';
import { formatBytes } from '../../components/format';
import { JobProgressBar } from '../../components/jobs';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { BackupsTable } from './BackupsTable';
import { ExportArchiveModal } from './ExportArchiveModal';
import { formatBackupDate, formatSummary } from './format';
import { useSafetyJob } from './jobs';
import { OpenArchiveModal } from './OpenArchiveModal';
import { RestoreBackupModal } from './RestoreBackupModal';
import { RestoreNotice } from './RestoreNotice';
import { type RestoreOutcome, setRestoreNotice, useRestoreNotice } from './restore';

/** "Sauvegarder maintenant", with its progress and a way to stop it. */
function CreateBackup() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const job = useSafetyJob();
  const [failure, setFailure] = useState<string | null>(null);

  const create = async () => {
    setFailure(null);
    try {
      await job.run((jobId) => call('backups.create', { jobId }));
      notifications.show({ color: 'teal', message: t('safety.backups.created'), autoClose: 4000 });
    } catch (error) {
      setFailure(job.wasStopped() ? t('safety.backups.cancelled') : errorMessage(error, t));
    } finally {
      void client.invalidateQueries({ queryKey: ['backups.list'] });
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button onClick={() => void create()} loading={job.running}>
          {t('safety.backups.create')}
        </Button>
        {job.running ? (
          <Button variant="default" color="red" onClick={() => void job.stop()}>
            {t('safety.backups.stop')}
          </Button>
        ) : null}
      </Group>
      {job.running ? (
        <JobProgressBar
          text={
            job.percent !== null
              ? t('safety.backups.progress', { percent: job.percent })
              : t('safety.backups.creating')
          }
          label={t('safety.backups.creating')}
          value={job.percent}
          maw={420}
        />
      ) : null}
      <FailureAlert message={failure} />
    </Stack>
  );
}

/** Settings → Sauvegardes: the backups with restore and its undo, and the archives to change computer. */
export function BackupsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useRpc('backups.list', {});
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const outcome = useRestoreNotice();
  const [dialog, setDialog] = useState<'export' | 'open' | null>(null);

  const restored = (next: RestoreOutcome) => {
    setRestoring(null);
    setDialog(null);
    setRestoreNotice(next);
  };

  return (
    <Stack gap="xl" maw={960}>
      <PageHeader
        title={t('safety.page.title')}
        subtitle={t('safety.page.subtitle')}
        back={{ to: '/settings', label: t('safety.page.back') }}
      />

      {outcome ? (
        <RestoreNotice
          key={outcome.message}
          outcome={outcome}
          onUndone={setRestoreNotice}
          onDismiss={() => setRestoreNotice(null)}
        />
      ) : null}

      <Stack gap="sm">
        <Title order={3}>{t('safety.backups.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('safety.backups.hint')}
        </Text>
        {list.data ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('safety.backups.folder')}
            </Text>
            <Code style={{ wordBreak: 'break-all' }}>{list.data.folder}</Code>
            <Text size="sm" c="dimmed">
              {list.data.freeBytes !== null
                ? t('safety.backups.free', { size: formatBytes(list.data.freeBytes, lang, t) })
                : t('safety.backups.freeUnknown')}
            </Text>
          </Stack>
        ) : null}
        <CreateBackup />
        <ListState
          query={{ isLoading: list.isLoading, error: list.error, data: list.data?.backups }}
          empty={t('safety.backups.empty')}
        >
          {(backups) => <BackupsTable backups={backups} onRestore={setRestoring} />}
        </ListState>
      </Stack>

      <Stack gap="sm">
        <Title order={3}>{t('safety.archives.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('safety.archives.hint')}
        </Text>
        <Group gap="sm">
          <Button variant="light" onClick={() => setDialog('export')}>
            {t('safety.archives.export')}
          </Button>
          <Button variant="light" onClick={() => setDialog('open')}>
            {t('safety.archives.open')}
          </Button>
        </Group>
      </Stack>

      {restoring ? (
        <RestoreBackupModal backup={restoring} onClose={() => setRestoring(null)} onRestored={restored} />
      ) : null}
      {dialog === 'export' ? <ExportArchiveModal onClose={() => setDialog(null)} /> : null}
      {dialog === 'open' ? <OpenArchiveModal onClose={() => setDialog(null)} onRestored={restored} /> : null}
    </Stack>
  );
}

/** The settings page's "Sauvegardes" section: the latest backup and the way to all of them. */
export function BackupsSettingsSection() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useRpc('backups.list', {});
  const latest = [...(list.data?.backups ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return (
    <Stack gap="sm">
      <Title order={3}>{t('safety.settings.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('safety.settings.hint')}
      </Text>
      {list.isLoading ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {list.error ? <Alert color="red">{errorMessage(list.error, t)}</Alert> : null}
      {list.data ? (
        <Text size="sm">
          {latest
            ? t('safety.settings.latest', {
                date: formatBackupDate(latest.createdAt, lang),
                summary: formatSummary(latest.summary, lang, t),
              })
            : t('safety.settings.none')}
        </Text>
      ) : null}
      <Group>
        <Button component="a" href={hrefOf('/settings/backups')} variant="light">
          {t('safety.settings.open')}
        </Button>
      </Group>
    </Stack>
  );
}
