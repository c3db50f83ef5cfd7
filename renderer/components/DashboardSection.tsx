import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled block of the home dashboard; `level` 4 for the blocks nested under a larger heading. */
export function DashboardSection({
  title,
  hint,
  level = 3,
  children,
}: {
  title: string;
  hint?: string;
  level?: 3 | 4;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={level} fz={level === 3 ? 'lg' : 'md'}>
            {title}
          </Title>
          {hint ? (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          ) : null}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

/** Rows separated by thin rules; `compact` for the denser blocks. */
export function DashboardRows({ children, compact = false }: { children: ReactNode[]; compact?: boolean }) {
  return (
    <Stack gap={0}>
      {children.map((child, index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are rebuilt as a whole, never reordered
          key={index}
          style={{
            padding: compact ? '6px 0' : '8px 0',
            borderTop: index > 0 ? '1px solid var(--mantine-color-gray-2)' : undefined,
          }}
        >
          {child}
        </div>
      ))}
    </Stack>
  );
}
