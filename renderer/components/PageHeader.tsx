import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from '../app/navigation';

export interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons shown on the right (Modifier, Nouvelle instance…). */
  actions?: ReactNode;
  /** A "← back" link above the title. */
  back?: { to: string; label: string };
}

/** The title block every page starts with. */
export function PageHeader({ title, subtitle, actions, back }: PageHeaderProps) {
  return (
    <Stack gap={4} mb="lg">
      {back ? (
        <Link to={back.to} size="sm">
          ← {back.label}
        </Link>
      ) : null}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Title order={2}>{title}</Title>
          {subtitle ? (
            <Text c="dimmed" size="sm" component="div">
              {subtitle}
            </Text>
          ) : null}
        </Stack>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
    </Stack>
  );
}
