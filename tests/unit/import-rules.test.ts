import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// architecture.md, "Import rules": shared imports nothing of ours; renderer imports shared only;
// the backend and main/preload import shared only; the backend never imports 'electron'.
const ROOT = resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
}

/** The top folder an import lands in ('shared', 'renderer', 'electron/backend'…), or the package. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return `package:${spec}`;
  const landed = relative(ROOT, resolve(ROOT, dirname(file), spec));
  const [top, second] = landed.split(/[\\/]/);
  return top === 'electron' ? `electron/${second}` : (top ?? '');
}

const rules: Record<string, { ours: string[]; forbiddenPackages: RegExp }> = {
  shared: { ours: ['shared'], forbiddenPackages: /^(node:|electron$|react|@mantine|better-sqlite3|kysely)/ },
  renderer: { ours: ['renderer', 'shared'], forbiddenPackages: /^(node:|electron$|better-sqlite3|kysely)/ },
  'electron/backend': {
    ours: ['electron/backend', 'shared'],
    forbiddenPackages: /^(electron$|react|@mantine)/,
  },
  'electron/main': {
    ours: ['electron/main', 'shared'],
    forbiddenPackages: /^(react|@mantine|better-sqlite3|kysely)/,
  },
  'electron/preload': {
    ours: ['electron/preload', 'shared'],
    forbiddenPackages: /^(react|@mantine|better-sqlite3|kysely|node:)/,
  },
};

describe('import rules', () => {
  for (const [folder, rule] of Object.entries(rules)) {
    it(`${folder} imports only what the architecture allows`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(folder)) {
        for (const spec of importsOf(file)) {
          const landed = target(file, spec);
          if (landed.startsWith('package:')) {
            if (rule.forbiddenPackages.test(spec)) violations.push(`${file} → ${spec}`);
          } else if (!rule.ours.includes(landed)) {
            violations.push(`${file} → ${spec}`);
          }
        }
      }
      expect(violations).toEqual([]);
    });
  }
});
