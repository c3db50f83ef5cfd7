import { Badge, Group } from '@mantine/core';

/** Short labels (aliases, domains, target groups) as small badges; nothing when the list is empty. */
export function LabelBadges({ labels }: { labels: readonly string[] }) {
  if (labels.length === 0) return null;
  return (
    <Group gap={6}>
      {labels.map((l) => (
        <Badge key={l} variant="light" color="gray" tt="none">
          {l}
        </Badge>
      ))}
    </Group>
  );
}
