import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/errors';
import { useLanguage } from '../app/i18n';
import { formatBytes } from './format';

export interface RemovableFile {
  path: string;
  fileName: string;
  drive: string;
  modifiedAt: string;
  bytes: number;
}

export interface RemovableFileListProps {
  /** The section of the catalogue holding the usbTitle, usbRefresh, usbEmpty, usbFile… texts. */
  texts: 'imports.file' | 'safety.openArchive';
  /** The list's heading (its text is `<texts>.usbTitle`). */
  heading: ReactNode;
  files: readonly RemovableFile[] | undefined;
  loading: boolean;
  refreshing: boolean;
  error: unknown;
  onRefresh: () => void;
  formatDate: (value: string) => string;
  minWidth: number;
  disabled: boolean;
  onOpen: (file: RemovableFile) => void;
}

/** The files found on the USB sticks plugged in, each opened with one click. */
export function RemovableFileList({
  texts,
  heading,
  files,
  loading,
  refreshing,
  error,
  onRefresh,
  formatDate,
  minWidth,
  disabled,
  onOpen,
}: RemovableFileListProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        {heading}
        <Button variant="subtle" size="xs" onClick={onRefresh} loading={refreshing}>
          {t(`${texts}.usbRefresh`)}
        </Button>
      </Group>
      {loading ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {error ? <Alert color="red">{errorMessage(error, t)}</Alert> : null}
      {files && files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`${texts}.usbEmpty`)}
        </Text>
      ) : null}
      {files && files.length > 0 ? (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table verticalSpacing={4} aria-label={t(`${texts}.usbTitle`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${texts}.usbFile`)}</Table.Th>
                <Table.Th>{t(`${texts}.usbDrive`)}</Table.Th>
                <Table.Th>{t(`${texts}.usbDate`)}</Table.Th>
                <Table.Th>{t(`${texts}.usbSize`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {files.map((f) => (
                <Table.Tr key={f.path}>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      disabled={disabled}
                      onClick={() => onOpen(f)}
                      aria-label={t(`${texts}.usbOpen`, { file: f.fileName })}
                    >
                      {f.fileName}
                    </Button>
                  </Table.Td>
                  <Table.Td>{f.drive}</Table.Td>
                  <Table.Td>{formatDate(f.modifiedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(f.bytes, lang, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
