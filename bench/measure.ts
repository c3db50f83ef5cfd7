import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Measure {
  name: string;
  /** Target from the issue, in milliseconds, compared with the median. */
  targetMs: number;
  samples: number[];
}

/** Runs `fn` `runs` times after `warmup` runs and keeps each duration in milliseconds. */
export async function measure(
  runs: number,
  fn: () => Promise<unknown> | unknown,
  warmup = 1,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const RESULTS = join(import.meta.dirname, 'results.json');

/** Prints the table and merges these figures into bench/results.json. */
export function report(suite: string, measures: Measure[]): void {
  const rows = measures.map((m) => {
    const median = percentile(m.samples, 50);
    return {
      benchmark: m.name,
      'médiane (ms)': Number(median.toFixed(2)),
      'p95 (ms)': Number(percentile(m.samples, 95).toFixed(2)),
      'cible (ms)': m.targetMs,
      essais: m.samples.length,
      verdict: median <= m.targetMs ? 'OK' : 'AU-DESSUS',
    };
  });
  console.log(`\n${suite}`);
  console.table(rows);
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch {
    previous = {};
  }
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ ...previous, [suite]: { measuredAt: new Date().toISOString(), node: process.version, rows } }, null, 2)}\n`,
  );
}
