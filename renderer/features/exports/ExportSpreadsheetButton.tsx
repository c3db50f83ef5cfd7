import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/rpc';
import { notifyError } from '../../app/errors';
import { exportAndOpen } from '../documents/deliver';

type ExportItemInput = InputOf<'exports.save'>['items'][number];
/** A spreadsheet as the caller describes it (the register's filter, a directory's search…). */
export type SpreadsheetRequestInput = Extract<ExportItemInput, { spreadsheet: unknown }>['spreadsheet'];

export interface ExportSpreadsheetButtonProps {
  /** What to export, with the filter the page shows at the moment of the click. */
  request: SpreadsheetRequestInput;
  /** "Exporter (xlsx)" by default. */
  label?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
}

/**
 * "Exporter (xlsx)": writes the spreadsheet to Concerto's exports folder and opens it (a browser
 * downloads it). The export log keeps a trace, so the file can be found again later.
 */
export function ExportSpreadsheetButton({
  request,
  label,
  variant = 'default',
  size = 'sm',
}: ExportSpreadsheetButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const result = await exportAndOpen([{ spreadsheet: request }]);
      for (const file of result.files) {
        notifications.show({
          color: 'teal',
          message: t('exports.spreadsheet.created', { fileName: file.fileName }),
          autoClose: 5000,
        });
      }
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant={variant} size={size} loading={busy} onClick={() => void run()}>
      {label ?? t('exports.spreadsheet.button')}
    </Button>
  );
}
