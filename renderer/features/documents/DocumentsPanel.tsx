import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BODY_DOCUMENT_KINDS,
  type BodyDocumentKind,
  MEETING_DOCUMENT_KINDS,
  type MeetingDocumentKind,
} from '../../../shared/documents/model';
import type { InputOf } from '../../../shared/rpc';
import {
  DEFAULT_BLANK_ROWS,
  type DocumentFormat,
  type ExportResult,
  type FOLLOW_UP_LAYOUTS,
} from '../../../shared/rpc/documents';
import { notifyError, type Translate } from '../../app/errors';
import { call } from '../../app/rpc';
import { exportAndOpen, openExportedFile } from './deliver';
import { type Attachment, EmailDraftModal } from './EmailDraftModal';
import { type DocumentRequestInput, PreviewModal } from './PreviewModal';
import { SaveToFolderModal } from './SaveToFolderModal';

type ExportItemInput = InputOf<'exports.save'>['items'][number];
type FollowUpLayout = (typeof FOLLOW_UP_LAYOUTS)[number];
/** What can be ticked: a document, or the follow-up matrix of a body. */
type EntryKey = MeetingDocumentKind | BodyDocumentKind | 'followUpMatrix';
type SelectionFormat = DocumentFormat | 'both';

export type DocumentsPanelProps = { meetingId: string } | { bodyId: string };

/** Years offered for the annual report: this one and the ten before. */
function reportYears(current: number): string[] {
  return Array.from({ length: 11 }, (_, i) => String(current - i));
}

function tr(t: Translate, key: string, params?: Record<string, unknown>): string {
  return (t as (key: string, params?: Record<string, unknown>) => string)(key, params);
}

/** Tells which files were handed over, and which characters the PDF could not draw. */
export function notifyProduced(result: ExportResult, t: Translate): void {
  const names = result.files.map((f) => f.fileName);
  notifications.show({
    color: 'teal',
    title: tr(t, 'documents.notify.producedTitle', { count: names.length }),
    message: tr(t, 'documents.notify.produced', { names: names.join(', ') }),
    autoClose: 6000,
  });
  if (result.pdfMissingCharacters.length > 0) {
    notifications.show({
      color: 'yellow',
      title: tr(t, 'documents.notify.missingCharactersTitle'),
      message: tr(t, 'documents.notify.missingCharacters', { chars: result.pdfMissingCharacters.join(' ') }),
      autoClose: false,
    });
  }
}

interface EntryRowProps {
  entryKey: EntryKey;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  options?: ReactNode;
  actions: ReactNode;
}

function EntryRow({ entryKey, selected, onSelect, options, actions }: EntryRowProps) {
  const { t } = useTranslation();
  const name = t(`documents.kinds.${entryKey}`);
  return (
    <Table.Tr aria-label={name} data-document={entryKey}>
      <Table.Td w={40}>
        <Checkbox
          aria-label={t('documents.panel.select', { name })}
          checked={selected}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`documents.hints.${entryKey}`)}
        </Text>
      </Table.Td>
      <Table.Td>{options}</Table.Td>
      <Table.Td>
        <Group gap={6} justify="flex-end" wrap="nowrap">
          {actions}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The documents of a meeting or of a body: preview, Word and PDF one by one; several at once by
 * email or onto a USB stick; for a meeting, the whole session in one zip.
 */
export function DocumentsPanel(props: DocumentsPanelProps) {
  const { t } = useTranslation();
  const meetingId = 'meetingId' in props ? props.meetingId : null;
  const bodyId = 'bodyId' in props ? props.bodyId : null;
  const currentYear = new Date().getFullYear();

  const [selected, setSelected] = useState<EntryKey[]>([]);
  const [blankRows, setBlankRows] = useState<number>(DEFAULT_BLANK_ROWS);
  const [year, setYear] = useState<number>(currentYear);
  const [layout, setLayout] = useState<FollowUpLayout>('single');
  const [selectionFormat, setSelectionFormat] = useState<SelectionFormat>('pdf');
  const [bundleFormats, setBundleFormats] = useState<string[]>(['docx', 'pdf']);
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<MeetingDocumentKind | BodyDocumentKind | null>(null);
  const [modal, setModal] = useState<'email' | 'save' | null>(null);

  const kinds: readonly (MeetingDocumentKind | BodyDocumentKind)[] = meetingId
    ? MEETING_DOCUMENT_KINDS
    : BODY_DOCUMENT_KINDS;
  const entries: EntryKey[] = bodyId ? [...kinds, 'followUpMatrix'] : [...kinds];

  const requestOf = (kind: MeetingDocumentKind | BodyDocumentKind): DocumentRequestInput => {
    if (kind === 'bodyFactSheet') return { kind, bodyId: bodyId ?? '' };
    if (kind === 'annualReport') return { kind, bodyId: bodyId ?? '', year };
    if (kind === 'signInSheet') return { kind, meetingId: meetingId ?? '', blankRows };
    return { kind, meetingId: meetingId ?? '' };
  };
  const matrixItem = (): ExportItemInput => ({
    spreadsheet: { kind: 'followUpMatrix', bodyId: bodyId ?? null, layout },
  });

  const produce = async (items: ExportItemInput[], key: string) => {
    setBusy(key);
    try {
      notifyProduced(await exportAndOpen(items), t);
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(null);
    }
  };
  const produceDocument = (kind: MeetingDocumentKind | BodyDocumentKind, format: DocumentFormat) =>
    produce([{ document: requestOf(kind), format }], `${kind}:${format}`);

  const bundle = async () => {
    if (!meetingId) return;
    setBusy('bundle');
    try {
      const result = await call('exports.bundle', {
        meetingId,
        formats: bundleFormats.filter((f): f is DocumentFormat => f === 'docx' || f === 'pdf'),
        destination: { kind: 'exports' },
      });
      for (const file of result.files) await openExportedFile(file);
      notifyProduced(result, t);
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(null);
    }
  };

  // The selection in the panel's order, each document in the chosen format(s).
  const formats: DocumentFormat[] = selectionFormat === 'both' ? ['docx', 'pdf'] : [selectionFormat];
  const attachments: Attachment[] = entries
    .filter((key) => selected.includes(key))
    .flatMap((key): Attachment[] => {
      const name = t(`documents.kinds.${key}`);
      if (key === 'followUpMatrix') {
        return [{ item: matrixItem(), label: name }];
      }
      return formats.map((format) => ({
        item: { document: requestOf(key), format },
        label: t('documents.panel.attachment', { name, format: t(`documents.formats.${format}`) }),
      }));
    });

  const toggle = (key: EntryKey, on: boolean) =>
    setSelected((current) => (on ? [...current, key] : current.filter((k) => k !== key)));

  const documentButtons = (kind: MeetingDocumentKind | BodyDocumentKind) => (
    <>
      <Button size="xs" variant="default" onClick={() => setPreview(kind)}>
        {t('documents.panel.preview')}
      </Button>
      {(['docx', 'pdf'] as const).map((format) => (
        <Button
          key={format}
          size="xs"
          variant="light"
          loading={busy === `${kind}:${format}`}
          onClick={() => void produceDocument(kind, format)}
        >
          {t(`documents.panel.${format}`)}
        </Button>
      ))}
    </>
  );

  const optionsOf = (key: EntryKey): ReactNode => {
    if (key === 'signInSheet') {
      return (
        <NumberInput
          size="xs"
          w={120}
          label={t('documents.panel.blankRows')}
          min={0}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={blankRows}
          onChange={(value) => setBlankRows(typeof value === 'number' ? value : DEFAULT_BLANK_ROWS)}
        />
      );
    }
    if (key === 'annualReport') {
      return (
        <Select
          size="xs"
          w={120}
          label={t('documents.panel.year')}
          data={reportYears(currentYear)}
          value={String(year)}
          allowDeselect={false}
          onChange={(value) => value && setYear(Number(value))}
        />
      );
    }
    if (key === 'followUpMatrix') {
      return (
        <Select
          size="xs"
          w={260}
          label={t('documents.panel.layout')}
          data={[
            { value: 'single', label: t('documents.panel.layoutSingle') },
            { value: 'perOrganisation', label: t('documents.panel.layoutPerOrganisation') },
          ]}
          value={layout}
          allowDeselect={false}
          onChange={(value) => value && setLayout(value === 'perOrganisation' ? 'perOrganisation' : 'single')}
        />
      );
    }
    return null;
  };

  // The follow-up matrix goes to those who must fill it in: the contacts of the organisations
  // responsible for the open recommendations, not the body's members.
  const emailContext: InputOf<'exports.emailProposal'> = meetingId
    ? { kind: 'meeting', meetingId }
    : selected.includes('followUpMatrix')
      ? { kind: 'followUp', bodyId: bodyId ?? null }
      : { kind: 'body', bodyId: bodyId ?? '' };
  const previewing = preview;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {meetingId ? t('documents.panel.meetingIntro') : t('documents.panel.bodyIntro')}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" aria-label={t('documents.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{t('documents.panel.document')}</Table.Th>
              <Table.Th>{t('documents.panel.options')}</Table.Th>
              <Table.Th ta="right">{t('documents.panel.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((key) => (
              <EntryRow
                key={key}
                entryKey={key}
                selected={selected.includes(key)}
                onSelect={(on) => toggle(key, on)}
                options={optionsOf(key)}
                actions={
                  key === 'followUpMatrix' ? (
                    <Button
                      size="xs"
                      variant="light"
                      loading={busy === 'followUpMatrix'}
                      onClick={() => void produce([matrixItem()], 'followUpMatrix')}
                    >
                      {t('documents.panel.xlsx')}
                    </Button>
                  ) : (
                    documentButtons(key)
                  )
                }
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-end" gap="sm">
            <Stack gap={2}>
              <Title order={4}>{t('documents.panel.selectionTitle')}</Title>
              <Text size="sm" c="dimmed">
                {selected.length === 0
                  ? t('documents.panel.selectionNone')
                  : t('documents.panel.selectionCount', { count: selected.length })}
              </Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" fw={500} id="documents-selection-format">
                {t('documents.panel.selectionFormat')}
              </Text>
              <SegmentedControl
                size="xs"
                aria-labelledby="documents-selection-format"
                value={selectionFormat}
                onChange={(value) => setSelectionFormat(value === 'docx' || value === 'both' ? value : 'pdf')}
                data={[
                  { value: 'docx', label: t('documents.panel.formatDocx') },
                  { value: 'pdf', label: t('documents.panel.formatPdf') },
                  { value: 'both', label: t('documents.panel.formatBoth') },
                ]}
              />
            </Stack>
          </Group>
          <Group gap="xs">
            <Button onClick={() => setModal('email')} disabled={attachments.length === 0}>
              {t('documents.panel.email')}
            </Button>
            <Button variant="light" onClick={() => setModal('save')} disabled={attachments.length === 0}>
              {t('documents.panel.saveToFolder')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      {meetingId ? (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Title order={4}>{t('documents.panel.bundleTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('documents.panel.bundleHint')}
            </Text>
            <Checkbox.Group
              label={t('documents.panel.bundleFormats')}
              value={bundleFormats}
              onChange={setBundleFormats}
            >
              <Group gap="md" mt={4}>
                <Checkbox value="docx" label={t('documents.panel.docx')} />
                <Checkbox value="pdf" label={t('documents.panel.pdf')} />
              </Group>
            </Checkbox.Group>
            {bundleFormats.length === 0 ? (
              <Alert color="yellow" p="xs">
                {t('documents.panel.bundleNeedsFormat')}
              </Alert>
            ) : null}
            <Group>
              <Button
                variant="light"
                onClick={() => void bundle()}
                loading={busy === 'bundle'}
                disabled={bundleFormats.length === 0}
              >
                {t('documents.panel.bundle')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}

      {previewing ? (
        <PreviewModal
          request={requestOf(previewing)}
          name={t(`documents.kinds.${previewing}`)}
          onClose={() => setPreview(null)}
          onExport={(format) => void produceDocument(previewing, format)}
          busy={busy === `${previewing}:docx` ? 'docx' : busy === `${previewing}:pdf` ? 'pdf' : null}
        />
      ) : null}
      {modal === 'email' ? (
        <EmailDraftModal context={emailContext} attachments={attachments} onClose={() => setModal(null)} />
      ) : null}
      {modal === 'save' ? (
        <SaveToFolderModal attachments={attachments} onClose={() => setModal(null)} />
      ) : null}
    </Stack>
  );
}
