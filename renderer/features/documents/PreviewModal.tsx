import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/rpc';
import type { DocumentFormat } from '../../../shared/rpc/documents';
import { errorMessage } from '../../app/errors';
import { useRpc } from '../../app/rpc';
import { DocumentView } from './DocumentView';

export type DocumentRequestInput = InputOf<'documents.preview'>;

export interface PreviewModalProps {
  request: DocumentRequestInput;
  /** The document's name in the interface language ("Aide-mémoire"). */
  name: string;
  onClose: () => void;
  /** Produces the file in that format, as the panel's own buttons do. */
  onExport: (format: DocumentFormat) => void;
  /** The format being produced, for the button's spinner. */
  busy: DocumentFormat | null;
}

/** A document as it will be printed, with the same Word and PDF buttons as the panel. */
export function PreviewModal({ request, name, onClose, onExport, busy }: PreviewModalProps) {
  const { t } = useTranslation();
  // Always rebuilt from the database when opened: the preview must show what the files will say.
  const preview = useRpc('documents.preview', request, { staleTime: 0, gcTime: 0 });
  const landscape = preview.data?.orientation === 'landscape';

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('documents.preview.title', { name })}
      size={landscape ? 'calc(297mm + 5rem)' : 'calc(210mm + 5rem)'}
      padding="md"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Button
              variant="light"
              onClick={() => onExport('docx')}
              loading={busy === 'docx'}
              disabled={busy !== null && busy !== 'docx'}
            >
              {t('documents.panel.docx')}
            </Button>
            <Button
              variant="light"
              onClick={() => onExport('pdf')}
              loading={busy === 'pdf'}
              disabled={busy !== null && busy !== 'pdf'}
            >
              {t('documents.panel.pdf')}
            </Button>
          </Group>
          <Button variant="default" onClick={onClose}>
            {t('documents.preview.close')}
          </Button>
        </Group>
        {preview.isLoading ? (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('documents.preview.loading')}</Text>
          </Group>
        ) : preview.error || !preview.data ? (
          <Alert color="red" title={t('documents.preview.failed')}>
            {errorMessage(preview.error, t)}
          </Alert>
        ) : (
          <DocumentView model={preview.data} />
        )}
      </Stack>
    </Modal>
  );
}
