import type { SafetyProblem } from '../../../../shared/rpc/safety';

/**
 * What the start-up check and the location check found. Owned by the safety feature; the router
 * reads `mode` to refuse every call but the safe-mode ones while the database is in doubt.
 */
export interface SafetyState {
  mode: 'normal' | 'safe';
  problem: { kind: SafetyProblem; message: string; location?: 'network' | 'removable' } | null;
  check: { state: 'pending' | 'ok' | 'damaged'; at: string | null; durationMs: number | null };
  /** Where "Déplacer sur cet ordinateur" copies the data; null when the host gives none. */
  localDataDir: string | null;
}

export function normalSafetyState(localDataDir: string | null = null): SafetyState {
  return {
    mode: 'normal',
    problem: null,
    check: { state: 'pending', at: null, durationMs: null },
    localDataDir,
  };
}
