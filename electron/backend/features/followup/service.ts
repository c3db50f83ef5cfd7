import type { OutputOf } from '../../../../shared/rpc';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { AppError } from '../../errors';
import { recordHistory } from '../history/repository';
import { ensureMeetingNotTrashed, localToday, requireMeetingRow } from '../meetings/repository';
import { loadRegisterRows } from '../recommendations';
import {
  type FollowUpEntry,
  followUpCandidates,
  readSnapshot,
  sessionUpdates,
  transmittedIds,
  writeSnapshot,
} from './repository';

export type FollowUpItem = OutputOf<'followUp.get'>[number];

/**
 * Stores what the session's follow-up item lists — the body's open recommendations with their
 * status, progress and due date as they stand now — replacing any earlier snapshot, in the
 * caller's transaction. Called when a meeting is created and when it is convened, so that the
 * minutes of March still show what was open in March however the register moves on.
 * Returns how many recommendations it holds.
 */
export async function captureFollowUpSnapshot(trx: Db, meetingId: string): Promise<number> {
  const meeting = await requireMeetingRow(trx, meetingId);
  const entries = await followUpCandidates(trx, meeting, nowIso());
  await writeSnapshot(trx, meetingId, entries);
  return entries.length;
}

/** Each entry with the recommendation as it is now and the update made at this session. */
async function toItems(
  db: Db,
  meetingId: string,
  entries: readonly FollowUpEntry[],
): Promise<FollowUpItem[]> {
  const ids = entries.map((e) => e.recommendationId);
  // A snapshot keeps what was open then, even what went to the trash since.
  const rows = new Map((await loadRegisterRows(db, ids, { today: localToday() })).map((r) => [r.id, r]));
  const transmitted = await transmittedIds(db, ids);
  const updates = await sessionUpdates(db, meetingId, ids);
  return entries.flatMap((e) => {
    const recommendation = rows.get(e.recommendationId);
    if (!recommendation) return [];
    return [
      {
        recommendation,
        snapshot: { status: e.status, progress: e.progress, dueDate: e.dueDate, capturedAt: e.capturedAt },
        sessionUpdate: updates.get(e.recommendationId) ?? null,
        transmitted: transmitted.has(e.recommendationId),
      },
    ];
  });
}

/**
 * The follow-up item of a session: its stored snapshot, or — for a session that has none
 * (recorded before snapshots existed, or prepared when nothing was open) — the list worked out
 * now from the register's updates as it stood at the session's opening.
 */
export async function loadFollowUp(db: Db, meetingId: string): Promise<FollowUpItem[]> {
  const meeting = await requireMeetingRow(db, meetingId);
  const stored = await readSnapshot(db, meetingId);
  const entries = stored.length > 0 ? stored : await followUpCandidates(db, meeting, nowIso());
  return toItems(db, meetingId, entries);
}

const HELD_FR = 'La séance est tenue : l’état des recommandations à son ouverture est figé.';
const CANCELLED_FR = 'La séance est annulée : son point de suivi des recommandations n’est plus mis à jour.';

/**
 * Takes the snapshot again, while the session is still to be held (brouillon, convoquée,
 * reportée): once held, the state at its opening is a record and no longer changes.
 */
export async function refreshFollowUp(trx: Db, meetingId: string, actor: string): Promise<FollowUpItem[]> {
  const meeting = await requireMeetingRow(trx, meetingId);
  ensureMeetingNotTrashed(meeting);
  if (meeting.status === 'held' || meeting.status === 'closed') {
    throw new AppError('INVALID_TRANSITION', HELD_FR);
  }
  if (meeting.status === 'cancelled') throw new AppError('INVALID_TRANSITION', CANCELLED_FR);
  const count = await captureFollowUpSnapshot(trx, meetingId);
  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: meetingId,
    action: 'update',
    actor,
    summary: `Point de suivi des recommandations actualisé (${count} recommandation${count > 1 ? 's ouvertes' : ' ouverte'})`,
  });
  return toItems(trx, meetingId, await readSnapshot(trx, meetingId));
}
