import {
  Alert,
  Badge,
  Group,
  List,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreeWField } from '../../../../shared/partners/fields';
import type { Analysis, Mapping } from '../../../../shared/rpc/partners';
import { fieldOptions } from '../labels';

/** The select's value for "Ne pas importer" (a Select cannot hold null as an option). */
const SKIP = '__skip';

const CONFIDENCE_COLOR: Record<Analysis['columns'][number]['confidence'], string> = {
  hxl: 'teal',
  exact: 'green',
  fuzzy: 'yellow',
  remembered: 'blue',
  user: 'grape',
  none: 'gray',
};

export interface StructureStepProps {
  analysis: Analysis | undefined;
  analysing: boolean;
  /** The user's corrections, shown at once while the analysis catches up. */
  overrides: Mapping;
  onSheet: (sheet: string) => void;
  onHeaderRows: (rows: 1 | 2) => void;
  onHxlRow: (on: boolean) => void;
  onField: (index: number, field: ThreeWField | null) => void;
}

/** Step 2: which sheet, how many header rows, and which column is which Concerto field. */
export function StructureStep({
  analysis,
  analysing,
  overrides,
  onSheet,
  onHeaderRows,
  onHxlRow,
  onField,
}: StructureStepProps) {
  const { t } = useTranslation();
  const options = useMemo(
    () => [{ value: SKIP, label: t('imports.structure.skip') }, ...fieldOptions(t)],
    [t],
  );

  if (!analysis) {
    return analysing ? (
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm">{t('imports.structure.analysing')}</Text>
      </Group>
    ) : null;
  }

  const sheets = analysis.sheets.map((s) => ({
    value: s.name,
    label: t(s.hidden ? 'imports.structure.sheetHidden' : 'imports.structure.sheetOption', {
      name: s.name,
      rows: s.rows,
    }),
  }));
  const mapped = analysis.columns.some((c) => c.field !== null);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="lg" wrap="wrap">
        <Select
          label={t('imports.structure.sheet')}
          data={sheets}
          value={analysis.sheet}
          onChange={(value) => value && onSheet(value)}
          allowDeselect={false}
          w={320}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="imports-header-rows">
            {t('imports.structure.headerRows')}
          </Text>
          <SegmentedControl
            aria-labelledby="imports-header-rows"
            value={String(analysis.headerRows)}
            onChange={(value) => onHeaderRows(value === '2' ? 2 : 1)}
            data={[
              { value: '1', label: t('imports.structure.headerRows1') },
              { value: '2', label: t('imports.structure.headerRows2') },
            ]}
          />
        </Stack>
        <Switch
          label={t('imports.structure.hxlRow')}
          description={t('imports.structure.hxlRowHint')}
          checked={analysis.hxlRow}
          onChange={(event) => onHxlRow(event.currentTarget.checked)}
        />
        {analysing ? <Loader size="xs" aria-label={t('imports.structure.analysing')} /> : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('imports.structure.dataRows', { count: analysis.dataRows, row: analysis.firstDataRow })}
      </Text>
      {analysis.remembered ? <Alert color="blue">{t('imports.structure.remembered')}</Alert> : null}
      {analysis.warnings.length > 0 ? (
        <Alert color="orange" title={t('imports.structure.warnings')}>
          <List size="sm">
            {analysis.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {!mapped ? <Alert color="orange">{t('imports.structure.noField')}</Alert> : null}
      <Text fw={600}>{t('imports.structure.mapping')}</Text>
      <Text size="sm" c="dimmed">
        {t('imports.structure.rememberHint')}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={4} aria-label={t('imports.structure.mapping')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.structure.column')}</Table.Th>
              <Table.Th>{t('imports.structure.header')}</Table.Th>
              <Table.Th>{t('imports.structure.hxl')}</Table.Th>
              <Table.Th>{t('imports.structure.samples')}</Table.Th>
              <Table.Th>{t('imports.structure.field')}</Table.Th>
              <Table.Th>{t('imports.structure.confidence')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.columns.map((column) => (
              <Table.Tr key={column.index} data-column={column.letter}>
                <Table.Td fw={600}>{column.letter}</Table.Td>
                <Table.Td>
                  <Text size="sm">{column.header || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {column.hxl ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td maw={220}>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {column.samples.join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td miw={240}>
                  <Select
                    aria-label={t('imports.structure.fieldFor', { letter: column.letter })}
                    data={options}
                    value={
                      (String(column.index) in overrides ? overrides[String(column.index)] : column.field) ??
                      SKIP
                    }
                    onChange={(value) =>
                      onField(column.index, !value || value === SKIP ? null : (value as ThreeWField))
                    }
                    allowDeselect={false}
                    searchable
                    size="xs"
                  />
                </Table.Td>
                <Table.Td>
                  {column.confidence === 'none' ? null : (
                    <Badge variant="light" color={CONFIDENCE_COLOR[column.confidence]}>
                      {t(`imports.confidence.${column.confidence}`)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
