import { Alert, Badge, Button, Code, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup, SafetyStatus } from '../../../shared/rpc/safety';
import { errorMessage } from '../../app/errors';
import { useLanguage } from '../../app/i18n';
import { call, useRpc } from '../../app/rpc';
import { FailureAlert } from '../../components/FailureAlert';
import { ListState } from '../../components/ListState';
import { BackupsTable } from './BackupsTable';
import { formatBackupDate, formatSummary } from './format';
import { OpenArchiveModal } from './OpenArchiveModal';
import { RestoreBackupModal } from './RestoreBackupModal';
import type { RestoreOutcome } from './restore';

function PathLine({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Code style={{ wordBreak: 'break-all' }}>{value}</Code>
    </Stack>
  );
}

/** Once restored, the gate shows the application again; the secretary is told what came back. */
function announce(outcome: RestoreOutcome) {
  notifications.show({ color: 'teal', message: outcome.message, autoClose: 10_000 });
}

/** 'damaged': the latest good backup first, the others after, and archives as a last resort. */
function DamagedDatabase({ status }: { status: SafetyStatus }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useRpc('backups.list', {});
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [openArchive, setOpenArchive] = useState(false);
  const latest = status.latestGoodBackup;
  const others = (list.data?.backups ?? []).filter((b) => b.id !== latest?.id);

  const restored = (outcome: RestoreOutcome) => {
    setRestoring(null);
    setOpenArchive(false);
    announce(outcome);
  };

  return (
    <Stack gap="lg">
      <Alert color="red" title={t('safety.safeMode.damaged.title')}>
        <Stack gap="xs">
          <Text size="sm">{t('safety.safeMode.damaged.text')}</Text>
          <Text size="sm">{t('safety.safeMode.damaged.next')}</Text>
        </Stack>
      </Alert>

      <Stack gap="sm">
        <Title order={3}>{t('safety.safeMode.damaged.latestTitle')}</Title>
        {latest ? (
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Group gap="xs">
                <Text fw={600}>{formatBackupDate(latest.createdAt, lang)}</Text>
                <Badge variant="light" color="gray">
                  {t(`safety.reason.${latest.reason}`)}
                </Badge>
              </Group>
              <Text size="sm">{formatSummary(latest.summary, lang, t)}</Text>
              <Text size="sm" c="dimmed">
                {t('safety.safeMode.damaged.lost')}
              </Text>
              <Group>
                <Button color="teal" onClick={() => setRestoring(latest)}>
                  {t('safety.safeMode.damaged.restoreLatest')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Text size="sm">{t('safety.safeMode.damaged.noBackup')}</Text>
        )}
      </Stack>

      <Stack gap="sm">
        <Title order={3}>{t('safety.safeMode.damaged.othersTitle')}</Title>
        <ListState
          query={{ isLoading: list.isLoading, error: list.error, data: list.data ? others : undefined }}
          empty={t('safety.safeMode.damaged.noOthers')}
        >
          {(backups) => <BackupsTable backups={backups} onRestore={setRestoring} />}
        </ListState>
      </Stack>

      <Stack gap="sm">
        <Title order={3}>{t('safety.safeMode.damaged.archiveTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('safety.safeMode.damaged.archiveHint')}
        </Text>
        <Group>
          <Button variant="light" onClick={() => setOpenArchive(true)}>
            {t('safety.archives.open')}
          </Button>
        </Group>
      </Stack>

      {restoring ? (
        <RestoreBackupModal
          backup={restoring}
          mode="safe"
          onClose={() => setRestoring(null)}
          onRestored={restored}
        />
      ) : null}
      {openArchive ? (
        <OpenArchiveModal mode="safe" onClose={() => setOpenArchive(false)} onRestored={restored} />
      ) : null}
    </Stack>
  );
}

/** 'location': on a network share or a stick; the offer is to copy it to this computer. */
function MisplacedDatabase({ status }: { status: SafetyStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const where = status.problem?.location === 'network' ? 'network' : 'removable';

  const move = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const next = await call('safety.moveToLocal', {});
      if (next.mode === 'normal') {
        notifications.show({
          color: 'teal',
          message: t('safety.safeMode.location.moved'),
          autoClose: 10_000,
        });
      }
      client.setQueryData(['safety.status', {}], next);
      void client.invalidateQueries();
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      <Alert color="orange" title={t(`safety.safeMode.location.${where}Title`)}>
        <Stack gap="xs">
          <Text size="sm">{t(`safety.safeMode.location.${where}`)}</Text>
          <Text size="sm">{t('safety.safeMode.location.offer')}</Text>
        </Stack>
      </Alert>
      {status.localDataDir ? (
        <PathLine label={t('safety.safeMode.location.destination')} value={status.localDataDir} />
      ) : null}
      <FailureAlert message={failure} />
      <Group>
        <Button onClick={() => void move()} loading={busy} disabled={!status.localDataDir}>
          {t('safety.safeMode.location.move')}
        </Button>
      </Group>
      {busy ? (
        <Text size="sm" c="dimmed">
          {t('safety.safeMode.location.moving')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** 'too-new': nothing to do here but install the newer Concerto. */
function NewerDatabase() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('safety.safeMode.tooNew.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('safety.safeMode.tooNew.text')}</Text>
        <Text size="sm">{t('safety.safeMode.tooNew.next')}</Text>
      </Stack>
    </Alert>
  );
}

/** The whole window in safe mode: what is wrong, in plain French, and the ways out. */
export function SafeModeScreen({ status }: { status: SafetyStatus }) {
  const { t } = useTranslation();
  const kind = status.problem?.kind ?? null;

  useEffect(() => {
    document.title = `Concerto — ${t('safety.safeMode.title')}`;
  }, [t]);

  return (
    <Container size="md" py="xl" component="main">
      <Stack gap="lg">
        <Stack gap={4}>
          <Text fw={700} size="lg" c="teal.8">
            {t('common.appName')}
          </Text>
          <Title order={1} size="h2">
            {t('safety.safeMode.title')}
          </Title>
          <Text c="dimmed">{t('safety.safeMode.subtitle')}</Text>
        </Stack>
        {kind === 'damaged' ? <DamagedDatabase status={status} /> : null}
        {kind === 'location' ? <MisplacedDatabase status={status} /> : null}
        {kind === 'too-new' ? <NewerDatabase /> : null}
        {kind === null ? <Alert color="orange">{t('safety.safeMode.unknown')}</Alert> : null}
        <Stack gap="xs">
          <PathLine label={t('safety.safeMode.databasePath')} value={status.databasePath} />
          {status.problem?.message ? (
            <Text size="xs" c="dimmed">
              {t('safety.safeMode.detail', { message: status.problem.message })}
            </Text>
          ) : null}
        </Stack>
      </Stack>
    </Container>
  );
}
