import { describeQuorumRule, evaluateQuorum, type QuorumRule } from '../../../../shared/domain/quorum';
import type { OutputOf } from '../../../../shared/rpc';
import type { Db } from '../../db/open';
import { requireMeetingRow } from '../meetings/repository';
import {
  type AttendanceRow,
  attendanceRows,
  bodyQuorumRule,
  type CountRow,
  countRows,
  type InviteeRow,
  inviteeRows,
  lookupsFor,
  toCount,
  toInvitee,
  toRecord,
} from './repository';

type Stats = OutputOf<'attendance.get'>['stats'];

/**
 * The figures of one meeting's attendance. Who is in the room: invitees present, the
 * representatives of those represented, walk-ins and the heads counted per structure.
 * Women are counted among the people whose sex is known (an invitee present by their own sex, a
 * representative by theirs, a count by its "dont femmes"), so an unknown sex lowers neither the
 * share nor inflates it. The quorum looks at the seats only: extra invitees are guests.
 */
export function attendanceStats(
  invitees: InviteeRow[],
  records: AttendanceRow[],
  counts: CountRow[],
  rule: QuorumRule,
  kindOf: (organisationId: string | null) => string,
): Stats {
  const byInvitee = new Map(records.filter((r) => r.invitee_id !== null).map((r) => [r.invitee_id, r]));
  const walkIns = records.filter((r) => r.invitee_id === null);
  const tally = { present: 0, represented: 0, excused: 0, absent: 0, unmarked: 0 };
  let women = 0;
  let sexKnown = 0;
  const categories = new Map<string, number>();
  const addCategory = (organisationId: string | null, n: number) => {
    const kind = kindOf(organisationId);
    categories.set(kind, (categories.get(kind) ?? 0) + n);
  };
  const addSex = (sex: string | null) => {
    if (sex === null) return;
    sexKnown++;
    if (sex === 'female') women++;
  };

  let votingSeats = 0;
  let allSeats = 0;
  let presentVoting = 0;
  let presentAll = 0;
  for (const invitee of invitees) {
    const record = byInvitee.get(invitee.id);
    const seat = invitee.is_extra === 0;
    if (seat) {
      allSeats++;
      if (invitee.voting === 1) votingSeats++;
    }
    if (!record) {
      tally.unmarked++;
      continue;
    }
    tally[record.status]++;
    if (record.status === 'present' || record.status === 'represented') {
      addSex(record.status === 'present' ? invitee.sex : record.representative_sex);
      addCategory(invitee.organisation_id, 1);
      if (seat) {
        presentAll++;
        if (invitee.voting === 1) presentVoting++;
      }
    }
  }
  for (const walkIn of walkIns) {
    addSex(walkIn.sex);
    addCategory(walkIn.organisation_id, 1);
  }
  let counted = 0;
  for (const count of counts) {
    counted += count.count;
    if (count.women !== null) {
      women += count.women;
      sexKnown += count.count;
    }
    if (count.count > 0) addCategory(count.organisation_id, count.count);
  }

  const quorum = evaluateQuorum(rule, { votingSeats, allSeats }, presentVoting, presentAll);
  return {
    invited: invitees.length,
    ...tally,
    walkIns: walkIns.length,
    counted,
    participants: tally.present + tally.represented + walkIns.length + counted,
    women,
    womenShare: sexKnown === 0 ? null : women / sexKnown,
    byCategory: [...categories]
      .map(([kind, count]) => ({ kind, count }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    quorum: {
      rule: describeQuorumRule(rule, 'fr'),
      required: quorum.required,
      present: quorum.present,
      reached: quorum.reached,
      votingSeats,
    },
  };
}

export async function getAttendance(db: Db, meetingId: string): Promise<OutputOf<'attendance.get'>> {
  const meeting = await requireMeetingRow(db, meetingId);
  const [invitees, records, counts, rule] = await Promise.all([
    inviteeRows(db, meetingId),
    attendanceRows(db, meetingId),
    countRows(db, meetingId),
    bodyQuorumRule(db, meeting.body_id),
  ]);
  const lookups = await lookupsFor(db, [
    ...invitees,
    ...records,
    ...counts.map((c) => ({ ...c, person_id: null })),
  ]);
  const kindOf = (id: string | null) =>
    id === null ? 'other' : (lookups.organisations.get(id)?.kind ?? 'other');
  return {
    meetingId,
    invitees: invitees.map((r) => toInvitee(r, lookups)),
    records: records.map((r) => toRecord(r, lookups)),
    counts: counts.map((r) => toCount(r, lookups)),
    stats: attendanceStats(invitees, records, counts, rule, kindOf),
  };
}
