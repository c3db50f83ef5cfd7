import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  buildTree,
  flattenTree,
  type TreeNode,
  wouldCreateCycle,
} from '../../shared/domain/hierarchy';

/** Parent map from "child>parent" pairs; a bare id is a root. */
function parents(...links: string[]): Map<string, string | null> {
  return new Map(
    links.map((link) => {
      const [child = '', parent] = link.split('>');
      return [child, parent ?? null];
    }),
  );
}

// gtgps
// ├─ genre
// │  └─ genre-sud
// └─ protection
// national (separate root)
const bodies = parents('gtgps', 'genre>gtgps', 'genre-sud>genre', 'protection>gtgps', 'national');

describe('wouldCreateCycle', () => {
  it.each<[string, Map<string, string | null>, string, string | null, boolean]>([
    ['making it a root', bodies, 'genre', null, false],
    ['self-parent', bodies, 'genre', 'genre', true],
    ['self-parent of an id not in the map', bodies, 'new', 'new', true],
    ['under its own child', bodies, 'gtgps', 'genre', true],
    ['under its own grandchild', bodies, 'gtgps', 'genre-sud', true],
    ['under its sibling', bodies, 'genre', 'protection', false],
    ['under its current parent', bodies, 'genre', 'gtgps', false],
    ['under its grandparent', bodies, 'genre-sud', 'gtgps', false],
    ['under another tree', bodies, 'gtgps', 'national', false],
    ['leaf under its ancestor’s other branch', bodies, 'protection', 'genre-sud', false],
    ['new item under an existing one', bodies, 'new', 'genre-sud', false],
    ['under a parent missing from the map', bodies, 'genre', 'unknown', false],
    ['map already has a cycle elsewhere: terminates', parents('a>b', 'b>a', 'x'), 'x', 'a', false],
    ['map already has a cycle through the child', parents('a>b', 'b>c', 'c>a'), 'a', 'c', true],
    ['long self-loop in map above the new parent', parents('p>p', 'x'), 'x', 'p', false],
  ])('%s → %s', (_label, map, child, parent, expected) => {
    expect(wouldCreateCycle(map, child, parent)).toBe(expected);
  });

  it('terminates on a long chain', () => {
    const chain = new Map<string, string | null>([['n0', null]]);
    for (let i = 1; i < 10_000; i++) chain.set(`n${i}`, `n${i - 1}`);
    expect(wouldCreateCycle(chain, 'n0', 'n9999')).toBe(true);
    expect(wouldCreateCycle(chain, 'n9999', 'n0')).toBe(false);
  });
});

describe('ancestorsOf', () => {
  it.each<[string, Map<string, string | null>, string, string[]]>([
    ['root', bodies, 'gtgps', []],
    ['child', bodies, 'genre', ['gtgps']],
    ['grandchild, nearest first', bodies, 'genre-sud', ['genre', 'gtgps']],
    ['unknown id', bodies, 'nobody', []],
    ['parent missing from the map', parents('a>ghost'), 'a', ['ghost']],
    ['self-parent', parents('a>a'), 'a', []],
    ['in a cycle: stops before coming back', parents('a>b', 'b>c', 'c>a'), 'a', ['b', 'c']],
    ['below a cycle: each ancestor once', parents('x>a', 'a>b', 'b>a'), 'x', ['a', 'b']],
  ])('%s → %j', (_label, map, id, expected) => {
    expect(ancestorsOf(map, id)).toEqual(expected);
  });
});

interface Item {
  id: string;
  parentId: string | null;
  name: string;
}
const item = (id: string, parentId: string | null, name = id): Item => ({ id, parentId, name });

/** Compact picture of a forest: "a(b,c(d))". */
function shape(nodes: TreeNode<Item>[]): string {
  return nodes.map((n) => (n.children.length ? `${n.item.id}(${shape(n.children)})` : n.item.id)).join(',');
}

const byName = (a: Item, b: Item) => a.name.localeCompare(b.name);

describe('buildTree', () => {
  it.each<[string, Item[], ((a: Item, b: Item) => number) | undefined, string]>([
    ['empty', [], undefined, ''],
    ['single root', [item('a', null)], undefined, 'a'],
    [
      'nests children whatever the input order',
      [item('d', 'c'), item('b', 'a'), item('c', 'a'), item('a', null)],
      undefined,
      'a(b,c(d))',
    ],
    [
      'keeps input order without compare',
      [item('r', null), item('z', 'r'), item('y', 'r')],
      undefined,
      'r(z,y)',
    ],
    [
      'sorts roots and children with compare',
      [item('r2', null, 'B'), item('r1', null, 'A'), item('z', 'r1', 'Z'), item('y', 'r1', 'Y')],
      byName,
      'r1(y,z),r2',
    ],
    [
      'orphans whose parent is missing become roots',
      [item('a', null, 'A'), item('b', 'trashed', 'B'), item('c', 'b', 'C')],
      byName,
      'a,b(c)',
    ],
    ['self-parent becomes a root', [item('a', 'a')], undefined, 'a'],
    ['a two-item cycle is cut, nothing lost', [item('a', 'b'), item('b', 'a')], undefined, 'a(b)'],
    [
      'items below a cycle stay under it',
      [item('x', 'a'), item('a', 'b'), item('b', 'a'), item('r', null)],
      undefined,
      'r,a(x,b)',
    ],
    [
      'cycle roots are sorted with the other roots',
      [item('c1', 'c2', 'M'), item('c2', 'c1', 'N'), item('r', null, 'A'), item('s', null, 'Z')],
      byName,
      'r,c1(c2),s',
    ],
  ])('%s → %s', (_label, items, compare, expected) => {
    expect(shape(buildTree(items, compare))).toBe(expected);
  });

  it('places every item exactly once, even with cycles', () => {
    const items = [
      item('a', 'c'),
      item('b', 'a'),
      item('c', 'b'),
      item('d', 'c'),
      item('e', 'e'),
      item('f', 'ghost'),
      item('g', null),
    ];
    const flat = flattenTree(buildTree(items));
    expect(flat.map((n) => n.item.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('keeps the items themselves, not copies', () => {
    const a = item('a', null);
    const [node] = buildTree([a]);
    expect(node?.item).toBe(a);
  });

  it('does not reorder the input', () => {
    const items = [item('b', null, 'B'), item('a', null, 'A')];
    buildTree(items, byName);
    expect(items.map((i) => i.id)).toEqual(['b', 'a']);
  });
});

describe('flattenTree', () => {
  it('lists depth-first with depths', () => {
    const tree = buildTree([
      item('a', null),
      item('b', 'a'),
      item('c', 'b'),
      item('d', 'a'),
      item('e', null),
    ]);
    expect(flattenTree(tree).map((n) => `${n.item.id}:${n.depth}`)).toEqual([
      'a:0',
      'b:1',
      'c:2',
      'd:1',
      'e:0',
    ]);
  });
});
