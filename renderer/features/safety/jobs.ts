import { SAFETY_PROGRESS } from '../../../shared/rpc/safety';
import { type Job, useJob } from '../../components/jobs';

/** A backup or an archive export: followed on `safety:progress`, stopped by `safety.cancel`. */
export function useSafetyJob(): Job {
  return useJob(SAFETY_PROGRESS, 'safety.cancel');
}
