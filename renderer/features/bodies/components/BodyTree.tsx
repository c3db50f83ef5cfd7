import { ActionIcon, Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareFr } from '../../../../shared/domain/text';
import type { BodyListItem } from '../../../../shared/rpc/bodies';
import { Link } from '../../../app/navigation';

interface TreeNode {
  body: BodyListItem;
  children: TreeNode[];
}

const byName = (a: TreeNode, b: TreeNode) => compareFr(a.body.name, b.body.name);

/**
 * Parent → sub-bodies. A body whose parent is not in the list (trashed, or filtered out) is
 * shown at the top level rather than hidden.
 */
function buildForest(bodies: BodyListItem[]): TreeNode[] {
  const nodes = new Map(bodies.map((body) => [body.id, { body, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.body.parentId ? nodes.get(node.body.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort(byName);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

function TreeRow({
  node,
  depth,
  collapsed,
  toggle,
}: {
  node: TreeNode;
  depth: number;
  collapsed: Set<string>;
  toggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { body } = node;
  const open = !collapsed.has(body.id);
  const hasChildren = node.children.length > 0;
  return (
    <li>
      <Group
        gap="xs"
        wrap="nowrap"
        py={6}
        pl={depth * 28}
        style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      >
        <Box w={28}>
          {hasChildren ? (
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-expanded={open}
              aria-label={t(open ? 'bodies.list.collapse' : 'bodies.list.expand', {
                name: body.acronym ?? body.name,
              })}
              onClick={() => toggle(body.id)}
            >
              <span aria-hidden>{open ? '▾' : '▸'}</span>
            </ActionIcon>
          ) : null}
        </Box>
        <Group gap="xs" wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
          {body.acronym ? (
            <Text fw={700} size="sm">
              {body.acronym}
            </Text>
          ) : null}
          <Link to={`/bodies/${body.id}`} size="sm">
            {body.name}
          </Link>
          <Badge variant="light" size="sm">
            {t(`vocab.bodyKind.${body.kind}`)}
          </Badge>
          {body.territory ? (
            <Text size="sm" c="dimmed">
              {body.territory.label}
            </Text>
          ) : null}
          {body.status === 'closed' ? (
            <Badge color="gray" size="sm">
              {t('vocab.bodyStatus.closed')}
            </Badge>
          ) : null}
        </Group>
      </Group>
      {hasChildren && open ? (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {node.children.map((child) => (
            <TreeRow
              key={child.body.id}
              node={child}
              depth={depth + 1}
              collapsed={collapsed}
              toggle={toggle}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The bodies as a tree of parents and sub-bodies, every branch open at first. */
export function BodyTree({ bodies }: { bodies: BodyListItem[] }) {
  const { t } = useTranslation();
  const forest = useMemo(() => buildForest(bodies), [bodies]);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const parents = useMemo(
    () => bodies.filter((b) => bodies.some((c) => c.parentId === b.id)).map((b) => b.id),
    [bodies],
  );

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="xs">
      {parents.length > 0 ? (
        <Group gap="xs">
          <Button size="xs" variant="subtle" onClick={() => setCollapsed(new Set())}>
            {t('bodies.list.expandAll')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setCollapsed(new Set(parents))}>
            {t('bodies.list.collapseAll')}
          </Button>
        </Group>
      ) : null}
      <Paper withBorder px="sm">
        <ul aria-label={t('bodies.list.treeLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {forest.map((node) => (
            <TreeRow key={node.body.id} node={node} depth={0} collapsed={collapsed} toggle={toggle} />
          ))}
        </ul>
      </Paper>
    </Stack>
  );
}
