import { Checkbox, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { Fragment, type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import type { OutputOf } from '../../../../shared/rpc';
import { useLanguage } from '../../../app/i18n';
import { Link } from '../../../app/navigation';
import { DemoBadge } from '../../../components/DemoBadge';
import { formatLongDate } from '../../../components/format';
import type { RegisterSort, SortDirection } from '../register';
import { OverdueBadge, ProgressCell, RecommendationStatusBadge } from './RecommendationStatusBadge';

export type RegisterRow = OutputOf<'recommendations.list'>['rows'][number];

export interface RegisterSortState {
  sort: RegisterSort;
  direction: SortDirection;
  onChange: (sort: RegisterSort, direction: SortDirection) => void;
}

export interface RegisterSelection {
  selected: ReadonlySet<string>;
  onChange: (ids: string[], checked: boolean) => void;
}

export interface RegisterTableProps {
  rows: readonly RegisterRow[];
  /** Accessible name of the table. */
  label: string;
  sort?: RegisterSortState;
  /** Rows under one heading per lead organisation, with counts. */
  groupByLead?: boolean;
  /** Check boxes in front of each row (choosing items for a roadmap). */
  selection?: RegisterSelection;
  /** A last column of buttons for each row. */
  actions?: (row: RegisterRow, index: number) => ReactNode;
  actionsLabel?: string;
  /** Leaves out the Instance column (a body's own page). */
  hideBody?: boolean;
}

function SortHeader({
  column,
  label,
  sort,
}: {
  column: RegisterSort;
  label: string;
  sort: RegisterSortState | undefined;
}) {
  const { t } = useTranslation();
  if (!sort) return <Table.Th>{label}</Table.Th>;
  const active = sort.sort === column;
  const next: SortDirection = active && sort.direction === 'asc' ? 'desc' : 'asc';
  return (
    <Table.Th aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => sort.onChange(column, next)}
        title={t('recommendations.table.sortBy', { column: label })}
        fw={700}
        fz="sm"
      >
        {label}
        {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

interface RowGroup {
  key: string;
  label: string;
  rows: RegisterRow[];
}

/** Rows under their lead organisation, in French order; items without one come last. */
export function groupByLead(rows: readonly RegisterRow[], noneLabel: string): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const row of rows) {
    const key = row.leadOrganisation?.id ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { key, label: row.leadOrganisation?.label ?? noneLabel, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()].sort((a, b) => {
    if (a.key === '' || b.key === '') return a.key === '' ? 1 : -1;
    return compareFr(a.label, b.label);
  });
}

/** The register's rows: reference, text, body, lead, due date, status and progress. */
export function RegisterTable({
  rows,
  label,
  sort,
  groupByLead: grouped = false,
  selection,
  actions,
  actionsLabel,
  hideBody = false,
}: RegisterTableProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns = 6 + (hideBody ? 0 : 1) + (selection ? 1 : 0) + (actions ? 1 : 0);
  const groups = useMemo(
    () => (grouped ? groupByLead(rows, t('recommendations.table.noLead')) : null),
    [grouped, rows, t],
  );

  const allChecked =
    selection !== undefined && rows.length > 0 && rows.every((r) => selection.selected.has(r.id));
  const someChecked = selection !== undefined && rows.some((r) => selection.selected.has(r.id));

  const renderRow = (row: RegisterRow, index: number) => (
    <Table.Tr key={row.id}>
      {selection ? (
        <Table.Td>
          <Checkbox
            aria-label={t('recommendations.table.select', { reference: row.reference })}
            checked={selection.selected.has(row.id)}
            onChange={(event) => selection.onChange([row.id], event.currentTarget.checked)}
          />
        </Table.Td>
      ) : null}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Stack gap={2}>
          <Link to={`/recommendations/${row.id}`} fw={600} size="sm">
            {row.reference}
          </Link>
          {row.isDemo ? <DemoBadge /> : null}
        </Stack>
      </Table.Td>
      <Table.Td maw={420}>
        <Text size="sm" lineClamp={2} title={row.text}>
          {row.text}
        </Text>
        {row.theme ? (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {row.theme}
          </Text>
        ) : null}
      </Table.Td>
      {hideBody ? null : (
        <Table.Td>
          <Link to={`/bodies/${row.body.id}`} size="sm">
            {row.body.label}
          </Link>
        </Table.Td>
      )}
      <Table.Td>
        {row.leadOrganisation ? (
          <Link to={`/organisations/${row.leadOrganisation.id}`} size="sm">
            {row.leadOrganisation.label}
          </Link>
        ) : (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {row.dueDate ? (
          <Group gap={6} wrap="nowrap">
            <Text span size="sm" c={row.overdue ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
              {formatLongDate(row.dueDate, lang)}
            </Text>
            {row.overdue ? <OverdueBadge /> : null}
          </Group>
        ) : (
          <Text span size="sm" c="dimmed">
            {t('recommendations.noDueDate')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <RecommendationStatusBadge status={row.status} />
      </Table.Td>
      <Table.Td>
        <ProgressCell progress={row.progress} status={row.status} />
      </Table.Td>
      {actions ? <Table.Td>{actions(row, index)}</Table.Td> : null}
    </Table.Tr>
  );

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped={!grouped} highlightOnHover aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('recommendations.table.selectAll')}
                  checked={allChecked}
                  indeterminate={someChecked && !allChecked}
                  onChange={(event) =>
                    selection.onChange(
                      rows.map((r) => r.id),
                      event.currentTarget.checked,
                    )
                  }
                />
              </Table.Th>
            ) : null}
            <SortHeader column="reference" label={t('recommendations.table.reference')} sort={sort} />
            <Table.Th>{t('recommendations.table.text')}</Table.Th>
            {hideBody ? null : (
              <SortHeader column="body" label={t('recommendations.table.body')} sort={sort} />
            )}
            <Table.Th>{t('recommendations.table.lead')}</Table.Th>
            <SortHeader column="due_date" label={t('recommendations.table.dueDate')} sort={sort} />
            <SortHeader column="status" label={t('recommendations.table.status')} sort={sort} />
            <Table.Th>{t('recommendations.table.progress')}</Table.Th>
            {actions ? <Table.Th>{actionsLabel ?? t('recommendations.table.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups
            ? groups.map((group) => (
                <Fragment key={group.key || 'none'}>
                  <Table.Tr bg="gray.1">
                    <Table.Td colSpan={columns}>
                      <Text fw={600} size="sm">
                        {t('recommendations.table.group', { label: group.label, count: group.rows.length })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                  {group.rows.map((row) => renderRow(row, rows.indexOf(row)))}
                </Fragment>
              ))
            : rows.map(renderRow)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
