import type { TFunction } from 'i18next';
import { ordinal } from '../../../shared/domain/seats';
import {
  type Language,
  type MeetingStatus,
  ORGANISATION_KINDS,
  RANKED_ROLES,
  type SeatRole,
} from '../../../shared/domain/vocabularies';

/** "1er vice-président(e)", "Membre": the rank only where protocol numbers it. */
export function roleLabel(t: TFunction, lang: Language, role: SeatRole, rank: number | null): string {
  if (rank !== null && RANKED_ROLES.includes(role)) {
    return t(`attendance.common.ranked.${role}`, { ordinal: ordinal(rank, lang) });
  }
  return t(`vocab.seatRole.${role}`);
}

/** "40 %" in French (with the narrow no-break space), "40%" in English. */
export function formatPercent(share: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

/** The label of an organisation category; codes the vocabulary does not know read as "none". */
export function categoryLabel(t: TFunction, kind: string): string {
  return (ORGANISATION_KINDS as readonly string[]).includes(kind)
    ? t(`vocab.organisationKind.${kind}`)
    : t('attendance.stats.noCategory');
}

// The backend has the last word on each of these; the screens only avoid offering what it refuses.

/** Until the meeting is held the list may follow a corrected composition; afterwards it is a record. */
export function canRegenerate(status: MeetingStatus): boolean {
  return status === 'draft' || status === 'convened' || status === 'postponed';
}

/** Invitees are added and removed until the meeting is closed or cancelled. */
export function canEditInvitees(status: MeetingStatus): boolean {
  return status !== 'closed' && status !== 'cancelled';
}

/** Attendance is taken while the meeting is prepared, convened or held. */
export function canTakeAttendance(status: MeetingStatus): boolean {
  return status === 'draft' || status === 'convened' || status === 'held';
}
