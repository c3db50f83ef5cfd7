import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  text: ReactNode;
  /** Usually the button that creates the first item. */
  action?: ReactNode;
}

/** What a list shows when it has nothing yet: says why, and what to do. */
export function EmptyState({ title, text, action }: EmptyStateProps) {
  return (
    <Paper withBorder p="xl" radius="sm">
      <Stack align="center" gap="xs" ta="center">
        <Text fw={600}>{title}</Text>
        <Text c="dimmed" size="sm" maw={520} component="div">
          {text}
        </Text>
        {action ? <div style={{ marginTop: 8 }}>{action}</div> : null}
      </Stack>
    </Paper>
  );
}
