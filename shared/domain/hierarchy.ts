// Parent links of bodies, organisations and territories. The stored links should never form a
// cycle, but every walk below still stops on one: a corrupted or half-imported database must
// not freeze the app.

/** Parent of each id; null (or no entry) for a root. */
export type ParentMap = ReadonlyMap<string, string | null>;

/** Ancestors of `id`, nearest first, `id` itself excluded; stops at a root or on a cycle. */
export function ancestorsOf(parentOf: ParentMap, id: string): string[] {
  const result: string[] = [];
  const seen = new Set<string>([id]);
  let current = parentOf.get(id) ?? null;
  while (current !== null && !seen.has(current)) {
    result.push(current);
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return result;
}

/**
 * Whether making `newParentId` the parent of `childId` would close a loop: true when the new
 * parent is the child itself or one of its descendants (the child is among its ancestors).
 */
export function wouldCreateCycle(parentOf: ParentMap, childId: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  if (newParentId === childId) return true;
  // Walk up from the new parent; the child's own current parent is irrelevant, as it is replaced.
  const seen = new Set<string>();
  let current: string | null = newParentId;
  while (current !== null && !seen.has(current)) {
    if (current === childId) return true;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return false;
}

export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/**
 * Forest of `items` by parentId. Items whose parent is not in the list (filtered out, trashed)
 * become roots, so nothing disappears from a filtered view. Items caught in a parent cycle are
 * shown too: each cycle is cut at one of its members (the first one met climbing from the first
 * stranded item in input order), which becomes a root. Roots
 * and children are sorted by `compare` (input order kept when absent). Ids are assumed unique.
 */
export function buildTree<T extends { id: string; parentId: string | null }>(
  items: readonly T[],
  compare?: (a: T, b: T) => number,
): TreeNode<T>[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const childrenOf = new Map<string, T[]>();
  const roots: T[] = [];
  for (const item of items) {
    if (item.parentId === null || !byId.has(item.parentId)) {
      roots.push(item);
    } else {
      const siblings = childrenOf.get(item.parentId) ?? [];
      siblings.push(item);
      childrenOf.set(item.parentId, siblings);
    }
  }

  const placed = new Set<string>();
  const sorted = (list: T[]) => (compare ? [...list].sort(compare) : list);
  const grow = (item: T): TreeNode<T> => {
    placed.add(item.id);
    const children = sorted(childrenOf.get(item.id) ?? []).filter((child) => !placed.has(child.id));
    return { item, children: children.map(grow) };
  };

  const forest = sorted(roots).map(grow);
  for (const item of items) {
    if (placed.has(item.id)) continue;
    // Not reachable from any root: it is in a cycle or below one. Climb to a cycle member.
    const seen = new Set<string>();
    let cut = item;
    while (!seen.has(cut.id)) {
      seen.add(cut.id);
      const parent = cut.parentId === null ? undefined : byId.get(cut.parentId);
      if (!parent) break;
      cut = parent;
    }
    forest.push(grow(cut));
  }
  return compare ? forest.sort((a, b) => compare(a.item, b.item)) : forest;
}

/** Depth-first listing with depths (0 for roots), for indented pickers and tables. */
export function flattenTree<T>(nodes: readonly TreeNode<T>[], depth = 0): { item: T; depth: number }[] {
  return nodes.flatMap((node) => [{ item: node.item, depth }, ...flattenTree(node.children, depth + 1)]);
}
