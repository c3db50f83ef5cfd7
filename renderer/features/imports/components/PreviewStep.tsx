import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../../shared/domain/ids';
import { SECTORS } from '../../../../shared/domain/vocabularies';
import type { InputOf } from '../../../../shared/rpc';
import type { Batch, Preview } from '../../../../shared/rpc/partners';
import { errorMessage } from '../../../app/errors';
import { Link } from '../../../app/navigation';
import { bridge, call, RpcError, useRpcMutation } from '../../../app/rpc';
import { ExportSpreadsheetButton } from '../../exports/ExportSpreadsheetButton';

type PreviewInput = Omit<InputOf<'imports.preview'>, 'jobId'>;
type Outcome = Preview['rows'][number]['outcome'];

const OUTCOMES: readonly Outcome[] = ['create', 'update', 'unchanged', 'reject'];
const OUTCOME_COLOR: Record<Outcome, string> = {
  create: 'teal',
  update: 'blue',
  unchanged: 'gray',
  reject: 'red',
};

interface JobProgress {
  phase: string;
  done: number;
  total: number;
}

function progressOf(payload: unknown, jobId: string): JobProgress | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (p.jobId !== jobId) return null;
  const done = typeof p.done === 'number' ? p.done : 0;
  const total = typeof p.total === 'number' ? p.total : 0;
  return { phase: typeof p.phase === 'string' ? p.phase : '', done, total };
}

/** The user cancelled: the backend refuses with CONFLICT and { cancelled: true }, nothing written. */
function isCancelled(error: unknown): boolean {
  return error instanceof RpcError && error.code === 'CONFLICT' && error.payload.details?.cancelled === true;
}

export interface PreviewStepProps {
  preview: Preview;
  input: PreviewInput;
  /** The preview is being recomputed (decisions changed). */
  refreshing: boolean;
  done: Batch | null;
  onDone: (batch: Batch) => void;
}

/** Step 4: what the import will do, row by row; then the import itself, followed and cancellable. */
export function PreviewStep({ preview, input, refreshing, done, onDone }: PreviewStepProps) {
  const { t } = useTranslation();
  const commit = useRpcMutation('imports.commit');
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!jobId) return;
    return bridge().subscribe('imports:progress', (payload) => {
      const next = progressOf(payload, jobId);
      if (next) setProgress(next);
    });
  }, [jobId]);

  const run = async () => {
    const id = uuidv7();
    setJobId(id);
    setProgress(null);
    setFailure(null);
    setNotice(null);
    try {
      const batch = await commit.mutateAsync({ ...input, jobId: id });
      if (mounted.current) onDone(batch);
    } catch (error) {
      if (!mounted.current) return;
      if (isCancelled(error)) setNotice(t('imports.preview.cancelled'));
      else setFailure(errorMessage(error, t));
    } finally {
      if (mounted.current) setJobId(null);
    }
  };

  const cancel = async () => {
    if (!jobId) return;
    try {
      await call('imports.cancel', { jobId });
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  };

  if (done) {
    return (
      <Alert color="teal" title={t('imports.preview.done', done.counts)} role="status">
        <Group gap="md">
          <Link to="/imports">{t('imports.preview.seeHistory')}</Link>
          <Link to="/coverage">{t('imports.preview.seeCoverage')}</Link>
        </Group>
      </Alert>
    );
  }

  const running = jobId !== null;
  const toImport = preview.counts.create + preview.counts.update;
  const rejects = preview.rows.filter((r) => r.outcome === 'reject');

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {OUTCOMES.map((outcome) => (
          <Paper key={outcome} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`imports.preview.${outcome}`)}
            </Text>
            <Text size="xl" fw={700} c={OUTCOME_COLOR[outcome]} data-count={outcome}>
              {preview.counts[outcome]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Tabs defaultValue={preview.counts.reject > 0 ? 'reject' : 'create'} keepMounted={false}>
        <Tabs.List>
          {OUTCOMES.map((outcome) => (
            <Tabs.Tab key={outcome} value={outcome}>
              {t(`imports.preview.${outcome}`)} ({preview.counts[outcome]})
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {OUTCOMES.filter((o) => o !== 'reject').map((outcome) => (
          <Tabs.Panel key={outcome} value={outcome} pt="sm">
            <RowsTable
              rows={preview.rows.filter((r) => r.outcome === outcome)}
              total={preview.counts[outcome]}
            />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="reject" pt="sm">
          <Stack gap="sm">
            <RejectsTable rows={rejects} total={preview.counts.reject} />
            {preview.counts.reject > 0 ? (
              <Group gap="sm">
                <ExportSpreadsheetButton
                  request={{ kind: 'importRejected', preview: input }}
                  label={t('imports.preview.exportRejected')}
                />
                <Text size="sm" c="dimmed">
                  {t('imports.preview.exportRejectedHint')}
                </Text>
              </Group>
            ) : null}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      {failure ? (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      ) : null}
      {notice ? (
        <Alert color="blue" role="status">
          {notice}
        </Alert>
      ) : null}
      {running ? (
        <Stack gap={4}>
          <Progress
            value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 100}
            animated={!progress || progress.total === 0}
            aria-label={t('imports.preview.importing')}
          />
          <Text size="sm" c="dimmed">
            {progress && progress.total > 0
              ? t('imports.preview.progress', {
                  phase: t(`imports.preview.phase.${progress.phase}`, { defaultValue: progress.phase }),
                  done: progress.done,
                  total: progress.total,
                })
              : t('imports.preview.importing')}
          </Text>
        </Stack>
      ) : null}
      {toImport === 0 ? (
        <Text size="sm" c="dimmed">
          {t('imports.preview.nothingToImport')}
        </Text>
      ) : null}
      <Group gap="sm">
        <Button
          onClick={() => void run()}
          loading={running}
          disabled={toImport === 0 || refreshing}
          size="md"
        >
          {t('imports.preview.import')}
        </Button>
        {running ? (
          <Button variant="default" onClick={() => void cancel()}>
            {t('imports.preview.cancel')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

function sectorLabel(t: (key: string) => string, sector: string | null): string {
  if (!sector) return '—';
  return (SECTORS as readonly string[]).includes(sector) ? t(`vocab.sector.${sector}`) : sector;
}

function RowsTable({ rows, total }: { rows: Preview['rows']; total: number }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text size="sm">{t('imports.preview.none')}</Text>;
  return (
    <Stack gap={4}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.preview.row')}</Table.Th>
              <Table.Th>{t('imports.preview.organisation')}</Table.Th>
              <Table.Th>{t('imports.preview.activity')}</Table.Th>
              <Table.Th>{t('imports.preview.sector')}</Table.Th>
              <Table.Th>{t('imports.preview.place')}</Table.Th>
              <Table.Th>{t('imports.preview.period')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.organisation}</Table.Td>
                <Table.Td>{r.activity}</Table.Td>
                <Table.Td>{sectorLabel(t, r.sector)}</Table.Td>
                <Table.Td>{r.place}</Table.Td>
                <Table.Td>{r.period}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length < total ? (
        <Text size="xs" c="dimmed">
          {t('imports.preview.shownRows')}
        </Text>
      ) : null}
    </Stack>
  );
}

function RejectsTable({ rows, total }: { rows: Preview['rows']; total: number }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text size="sm">{t('imports.preview.none')}</Text>;
  const reasons = rows.flatMap((r) =>
    r.reasons.length > 0
      ? r.reasons.map((reason, index) => ({ key: `${r.row}-${index}`, ...reason }))
      : [{ key: `${r.row}`, sheet: '', row: r.row, column: null, value: null, message: '' }],
  );
  return (
    <Stack gap={4}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={4} striped aria-label={t('imports.preview.reject')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.preview.sheet')}</Table.Th>
              <Table.Th>{t('imports.preview.row')}</Table.Th>
              <Table.Th>{t('imports.preview.column')}</Table.Th>
              <Table.Th>{t('imports.preview.value')}</Table.Th>
              <Table.Th>{t('imports.preview.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reasons.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.sheet}</Table.Td>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.column ?? '—'}</Table.Td>
                <Table.Td>{r.value ?? '—'}</Table.Td>
                <Table.Td>{r.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length < total ? (
        <Text size="xs" c="dimmed">
          {t('imports.preview.shownRows')}
        </Text>
      ) : null}
    </Stack>
  );
}
