import { Alert, Box, Button, Group, Loader, Stack, Stepper, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreeWField } from '../../../../shared/partners/fields';
import type { InputOf } from '../../../../shared/rpc';
import { type Batch, MAX_UPLOAD_BYTES, type Mapping, type StagedFile } from '../../../../shared/rpc/partners';
import { errorMessage } from '../../../app/errors';
import { call, useRpc } from '../../../app/rpc';
import { PageHeader } from '../../../components';
import { useFileDrag } from '../../../components/FileDrop';
import { fileToBase64 } from '../../attendance/base64';
import { FileStep } from '../components/FileStep';
import { FollowUpStep } from '../components/FollowUpStep';
import { PreviewStep } from '../components/PreviewStep';
import { StructureStep } from '../components/StructureStep';
import { type DecisionEntry, decisionKey, ValuesStep } from '../components/ValuesStep';
import { megabytes } from '../labels';

type LayoutInput = InputOf<'imports.analyse'>;

/** ?stagedId= (a file staged from elsewhere, e.g. a USB stick listed on another page). */
function stagedIdFromQuery(): string | null {
  const query = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const id = query.get('stagedId');
  return id && id.length <= 100 ? id : null;
}

/**
 * Keeps the previous answer on screen while a new one is computed, but only for the same
 * staged file: another file's mapping must never show under this one's name.
 */
function sameFile<T>(
  previous: T | undefined,
  query: { queryKey: readonly unknown[] } | undefined,
  stagedId: string | null,
) {
  const input = query?.queryKey[1] as { stagedId?: string } | undefined;
  return input?.stagedId === stagedId ? keepPreviousData(previous) : undefined;
}

/** "Importer un fichier": a partner's 3W matrix or a returned follow-up matrix, step by step. */
export function ImportWizardPage() {
  const { t } = useTranslation();
  const [stagedId, setStagedId] = useState<string | null>(stagedIdFromQuery);
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [step, setStep] = useState(() => (stagedIdFromQuery() ? 1 : 0));
  const [layout, setLayout] = useState<Omit<LayoutInput, 'stagedId' | 'mapping'>>({});
  const [mapping, setMapping] = useState<Mapping>({});
  const [decisions, setDecisions] = useState<ReadonlyMap<string, DecisionEntry>>(() => new Map());
  const [done, setDone] = useState<Batch | null>(null);

  const settings = useRpc('settings.get', {});
  const isSpreadsheet = stagedId !== null && (staged === null || staged.kind === 'spreadsheet');

  const layoutInput: LayoutInput = {
    stagedId: stagedId ?? '',
    ...layout,
    ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
  };
  const analysis = useRpc('imports.analyse', layoutInput, {
    enabled: isSpreadsheet,
    placeholderData: (previous, query) => sameFile(previous, query, stagedId),
    retry: false,
  });
  const kind = analysis.data?.kind ?? null;

  // Preview and commit name the layout the analysis settled on, so both read the same rows.
  const previewInput = useMemo(() => {
    const a = analysis.data;
    if (!a || !stagedId) return null;
    return {
      stagedId,
      sheet: a.sheet,
      headerRows: a.headerRows,
      hxlRow: a.hxlRow,
      mapping,
      decisions: [...decisions.values()].map((d) => d.decision),
    };
  }, [analysis.data, stagedId, mapping, decisions]);
  const preview = useRpc('imports.preview', previewInput ?? { stagedId: '' }, {
    enabled: previewInput !== null && kind === '3w' && step >= 2 && !analysis.isPlaceholderData,
    placeholderData: (previous, query) => sameFile(previous, query, stagedId),
    retry: false,
  });

  const reset = (next: StagedFile) => {
    setStaged(next);
    setStagedId(next.id);
    setLayout({});
    setMapping({});
    setDecisions(new Map());
    setDone(null);
    setStep(0);
  };

  const stage = async (label: string, run: () => Promise<StagedFile>) => {
    setFileError(null);
    setReading(t('imports.file.reading', { file: label }));
    try {
      reset(await run());
    } catch (error) {
      setFileError(errorMessage(error, t));
    } finally {
      setReading(null);
    }
  };

  const onFile = (file: File) => {
    setFileError(null);
    // Refused before reading: a file this large would only fill the memory to be refused later.
    if (file.size > MAX_UPLOAD_BYTES) {
      setFileError(t('imports.file.tooLarge', { file: file.name, max: megabytes(MAX_UPLOAD_BYTES) }));
      return;
    }
    void stage(file.name, async () =>
      call('imports.stageUpload', { fileName: file.name, data: await fileToBase64(file), source: 'disk' }),
    );
  };

  // The whole page takes a dropped file, whatever the step: it starts over on the new file.
  const { dragging, dropZone } = useFileDrag((file) => {
    setStep(0);
    onFile(file);
  });

  const setField = (index: number, field: ThreeWField | null) =>
    setMapping((m) => ({ ...m, [String(index)]: field }));
  const decide = (entry: DecisionEntry) =>
    setDecisions((current) => new Map(current).set(decisionKey(entry.decision), entry));
  const forget = (key: string) =>
    setDecisions((current) => {
      const next = new Map(current);
      next.delete(key);
      return next;
    });

  const followUp = kind === 'followUp';
  const lastStep = followUp ? 1 : 3;
  const mapped = analysis.data?.columns.some((c) => c.field !== null) ?? false;
  const canNext =
    step === 0
      ? isSpreadsheet && reading === null
      : step === 1
        ? !!analysis.data && !analysis.isPlaceholderData && mapped
        : step === 2
          ? !!preview.data && !preview.isFetching
          : false;

  const analysisError = analysis.error ? (
    <Alert color="red" role="alert">
      {errorMessage(analysis.error, t)}
    </Alert>
  ) : null;

  let content: ReactNode = null;
  if (step === 0) {
    content = (
      <FileStep
        staged={staged}
        reading={reading}
        error={fileError}
        dragging={dragging}
        onFile={onFile}
        onPath={(path) =>
          void stage(path.split(/[\\/]/).pop() ?? path, () => call('imports.stagePath', { path }))
        }
        onAttachment={(index) =>
          stagedId &&
          void stage(staged?.email?.attachments.find((a) => a.index === index)?.fileName ?? '', () =>
            call('imports.stageAttachment', { stagedId, index }),
          )
        }
      />
    );
  } else if (analysisError) {
    content = analysisError;
  } else if (!analysis.data) {
    content = (
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm">{t('imports.structure.analysing')}</Text>
      </Group>
    );
  } else if (followUp && stagedId) {
    content = <FollowUpStep stagedId={stagedId} />;
  } else if (step === 1) {
    content = (
      <StructureStep
        analysis={analysis.data}
        analysing={analysis.isFetching}
        overrides={mapping}
        onSheet={(sheet) => {
          // Another sheet has other columns: the corrections made on this one do not apply.
          setMapping({});
          setLayout({ sheet });
        }}
        onHeaderRows={(headerRows) => setLayout((l) => ({ ...l, sheet: analysis.data?.sheet, headerRows }))}
        onHxlRow={(hxlRow) => setLayout((l) => ({ ...l, sheet: analysis.data?.sheet, hxlRow }))}
        onField={setField}
      />
    );
  } else if (preview.error) {
    content = (
      <Alert color="red" role="alert">
        {errorMessage(preview.error, t)}
      </Alert>
    );
  } else if (!preview.data || !previewInput) {
    content = <Loader size="sm" aria-label={t('common.loading')} />;
  } else if (step === 2) {
    content = (
      <ValuesStep
        unresolved={preview.data.unresolved}
        decisions={decisions}
        refreshing={preview.isFetching}
        countryCode={settings.data?.countryCode ?? null}
        onDecide={decide}
        onForget={forget}
      />
    );
  } else {
    content = (
      <PreviewStep
        preview={preview.data}
        input={previewInput}
        refreshing={preview.isFetching}
        done={done}
        onDone={setDone}
      />
    );
  }

  return (
    <Box {...dropZone} mih="70vh">
      <Stack gap="md">
        <PageHeader
          title={t('imports.wizard.title')}
          back={{ to: '/imports', label: t('imports.wizard.back') }}
        />
        <Stepper
          active={step}
          onStepClick={(index) => index < step && !done && setStep(index)}
          allowNextStepsSelect={false}
          size="sm"
        >
          <Stepper.Step
            label={t('imports.wizard.steps.file')}
            description={t('imports.wizard.steps.fileDescription')}
          />
          {followUp ? (
            <Stepper.Step
              label={t('imports.wizard.steps.followUp')}
              description={t('imports.wizard.steps.followUpDescription')}
            />
          ) : (
            [
              <Stepper.Step
                key="structure"
                label={t('imports.wizard.steps.structure')}
                description={t('imports.wizard.steps.structureDescription')}
              />,
              <Stepper.Step
                key="values"
                label={t('imports.wizard.steps.values')}
                description={t('imports.wizard.steps.valuesDescription')}
              />,
              <Stepper.Step
                key="preview"
                label={t('imports.wizard.steps.preview')}
                description={t('imports.wizard.steps.previewDescription')}
              />,
            ]
          )}
        </Stepper>
        {step === 1 && !staged && stagedId ? (
          <Text size="sm" c="dimmed">
            {t('imports.file.resumed')}
          </Text>
        ) : null}
        {content}
        <Group justify="space-between">
          {step > 0 && !done ? (
            <Button variant="default" onClick={() => setStep(step - 1)}>
              {t('imports.wizard.previous')}
            </Button>
          ) : (
            <span />
          )}
          {step < lastStep ? (
            <Button onClick={() => setStep(step + 1)} disabled={!canNext}>
              {t('imports.wizard.next')}
            </Button>
          ) : done ? (
            <Button
              variant="default"
              onClick={() => {
                setStaged(null);
                setStagedId(null);
                setDone(null);
                setStep(0);
              }}
            >
              {t('imports.wizard.restart')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Box>
  );
}
