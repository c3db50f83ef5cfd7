import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DetailRow {
  label: string;
  value: ReactNode;
}

/** A record's fields as label / value rows; empty values show a dash so the layout stays stable. */
export function DetailFields({ rows, empty = '—' }: { rows: DetailRow[]; empty?: string }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder verticalSpacing="xs">
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th w={240}>{row.label}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {isEmpty(row.value) ? empty : row.value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function isEmpty(value: ReactNode): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}
