import { compareFr } from '../../../shared/domain/text';
import type { OutputOf } from '../../../shared/rpc';

export type RegularityRow = OutputOf<'planning.regularity'>[number];

export interface RegularitySummary {
  /** Bodies with at least one planned session (the others meet as needed). */
  considered: number;
  /** Of those, the ones that held every planned session. */
  compliant: number;
  /** compliant / considered (the seeds' "taux de conformité"); null when nothing is planned. */
  conformity: number | null;
  /** The mean of the bodies' rates; null when nothing is planned. */
  average: number | null;
}

export function summariseRegularity(rows: readonly RegularityRow[]): RegularitySummary {
  const rated = rows.filter((r) => r.rate !== null);
  const compliant = rated.filter((r) => r.held >= r.planned).length;
  const sum = rated.reduce((total, r) => total + (r.rate ?? 0), 0);
  return {
    considered: rated.length,
    compliant,
    conformity: rated.length > 0 ? compliant / rated.length : null,
    average: rated.length > 0 ? sum / rated.length : null,
  };
}

/** Lowest rate first (those that need attention), bodies without plan last, then by name. */
export function byRate(a: RegularityRow, b: RegularityRow): number {
  if (a.rate === null || b.rate === null) {
    if (a.rate !== b.rate) return a.rate === null ? 1 : -1;
  } else if (a.rate !== b.rate) {
    return a.rate - b.rate;
  }
  return compareFr(a.body.label, b.body.label);
}

export function byName(a: RegularityRow, b: RegularityRow): number {
  return compareFr(a.body.label, b.body.label);
}

/** Years offered: a decade back (reports look back) and next year (planning ahead). */
export function yearOptions(current: number, chosen: number): { value: string; label: string }[] {
  const years = new Set<number>([chosen]);
  for (let y = current + 1; y >= current - 10; y--) years.add(y);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
}
