import type { Preview } from '../../../../shared/rpc/partners';
import type { BackendContext } from '../../context';
import { AppError } from '../../errors';
import { understand } from './analyse';
import { type ImportJob, startImportJob } from './jobs';
import { type Outcome, type Plan, type PreviewInput, type Progress, planImport } from './resolve';

// The preview: what an import of this file with these decisions would do, row by row, before
// anything is written. The import itself (commit.ts) runs the same plan again.

/** Rows of each outcome shown on screen; rejected rows are all shown up to REJECTED_SHOWN. */
const SHOWN_PER_OUTCOME = 200;
const REJECTED_SHOWN = 1_000;

/** Progress events for the screen's bar, when the screen follows a job. */
export function progressFor(ctx: BackendContext, jobId: string | undefined): Progress {
  if (!jobId) return () => {};
  return (phase, done, total) => ctx.emit('imports:progress', { jobId, phase, done, total });
}

// The last plan made, per backend: the import right after its preview reuses it instead of
// matching 50,000 rows again — only when the inputs are the same and nothing at all was
// written to the database since (SQLite's total_changes() of the one connection every write
// goes through), so it can never be stale.
const lastPlans = new WeakMap<BackendContext, { key: string; changes: number; plan: Plan }>();

function planKey(input: PreviewInput): string {
  const { jobId: _jobId, ...rest } = input;
  return JSON.stringify(rest);
}

function totalChanges(ctx: BackendContext): number {
  return Number(ctx.sqlite.prepare('SELECT total_changes()').pluck().get());
}

/** The plan of the preview just shown, if still valid; forgotten once taken. */
export function takeCachedPlan(ctx: BackendContext, input: PreviewInput): Plan | null {
  const cached = lastPlans.get(ctx);
  lastPlans.delete(ctx);
  if (!cached || cached.key !== planKey(input) || cached.changes !== totalChanges(ctx)) return null;
  return cached.plan;
}

/** Understands the file and plans the import under a job (cancellable between chunks). */
export async function buildPlan(
  ctx: BackendContext,
  input: PreviewInput,
  job: ImportJob,
  progress: Progress,
): Promise<Plan> {
  progress('read', 0, 1);
  const understood = await understand(ctx, input);
  if ('followUp' in understood) {
    throw new AppError(
      'VALIDATION',
      'Ce fichier est un tableau de suivi des recommandations, pas une matrice 3W : importez-le comme tableau de suivi.',
    );
  }
  progress('read', 1, 1);
  job.check();
  return planImport(ctx, understood, input.decisions, job, progress);
}

export function previewOf(plan: Plan): Preview {
  const shown: Record<Outcome, number> = { create: 0, update: 0, unchanged: 0, reject: 0 };
  const rows: Preview['rows'] = [];
  for (const c of plan.candidates) {
    const limit = c.outcome === 'reject' ? REJECTED_SHOWN : SHOWN_PER_OUTCOME;
    if (shown[c.outcome] >= limit) continue;
    shown[c.outcome]++;
    rows.push({
      row: c.rowIndex + 1,
      outcome: c.outcome,
      organisation: c.display.organisation,
      activity: c.display.activity,
      sector: c.display.sector,
      place: c.display.place,
      period: c.display.period,
      reasons: c.reasons,
    });
  }
  return { counts: { ...plan.counts }, rows, unresolved: plan.unresolved };
}

export async function previewImport(
  ctx: BackendContext,
  input: PreviewInput,
  progress: Progress = progressFor(ctx, input.jobId),
): Promise<Preview & { plan: Plan }> {
  const job = startImportJob(input.jobId);
  try {
    const plan = await buildPlan(ctx, input, job, progress);
    lastPlans.set(ctx, { key: planKey(input), changes: totalChanges(ctx), plan });
    return { ...previewOf(plan), plan };
  } finally {
    job.end();
  }
}
