import type { MeetingStatus } from './vocabularies';

// The meeting workflow: brouillon → convoquée → tenue → clôturée, with reportée and annulée on
// the side. One table decides every move so that the backend refuses exactly what the screens
// do not offer.

export type MeetingAction = 'convene' | 'hold' | 'close' | 'postpone' | 'cancel' | 'reopen_draft';

export interface TransitionRule {
  from: readonly MeetingStatus[];
  to: MeetingStatus;
}

/**
 * Allowed moves. Choices beyond the obvious chain:
 * - hold from draft: sessions are often recorded after the fact, when no convocation went
 *   through Concerto; forcing a convocation first would invent one.
 * - convene from postponed: the postponed session, at its new date, is convened again.
 * - a postponed session is not postponed again as such: it goes back to draft (or is convened)
 *   first, so that each postponement records the date it moved from.
 * - closed and cancelled are final.
 */
export const MEETING_TRANSITION_RULES: Readonly<Record<MeetingAction, TransitionRule>> = {
  convene: { from: ['draft', 'postponed'], to: 'convened' },
  hold: { from: ['convened', 'draft'], to: 'held' },
  close: { from: ['held'], to: 'closed' },
  postpone: { from: ['draft', 'convened'], to: 'postponed' },
  cancel: { from: ['draft', 'convened', 'postponed'], to: 'cancelled' },
  reopen_draft: { from: ['postponed'], to: 'draft' },
};

export const MEETING_ACTIONS = Object.keys(MEETING_TRANSITION_RULES) as MeetingAction[];

/** The status after `action`, or null when the move is not allowed from `status`. */
export function nextMeetingStatus(status: MeetingStatus, action: MeetingAction): MeetingStatus | null {
  const rule = MEETING_TRANSITION_RULES[action];
  return rule.from.includes(status) ? rule.to : null;
}

export function canTransition(status: MeetingStatus, action: MeetingAction): boolean {
  return nextMeetingStatus(status, action) !== null;
}

/** The moves a screen may offer for a meeting in `status`, in workflow order. */
export function allowedMeetingActions(status: MeetingStatus): MeetingAction[] {
  return MEETING_ACTIONS.filter((action) => canTransition(status, action));
}

/** Closed and cancelled meetings are records of what happened: their details no longer change. */
export function isMeetingEditable(status: MeetingStatus): boolean {
  return status !== 'closed' && status !== 'cancelled';
}

// "Une réunion <état> ne peut pas être <action>." — both feminine, agreeing with "réunion".
const STATUS_PHRASE_FR: Record<MeetingStatus, string> = {
  draft: 'en brouillon',
  convened: 'convoquée',
  held: 'tenue',
  closed: 'clôturée',
  postponed: 'reportée',
  cancelled: 'annulée',
};

const ACTION_PHRASE_FR: Record<MeetingAction, string> = {
  convene: 'convoquée',
  hold: 'marquée comme tenue',
  close: 'clôturée',
  postpone: 'reportée',
  cancel: 'annulée',
  reopen_draft: 'remise en brouillon',
};

/**
 * Why a move is refused, in French, naming the current status and the requested move:
 * "Une réunion clôturée ne peut pas être convoquée." A move to the status the meeting already
 * has reads "Cette réunion est déjà convoquée."
 */
export function transitionRefusalFr(status: MeetingStatus, action: MeetingAction): string {
  if (MEETING_TRANSITION_RULES[action].to === status) {
    return status === 'postponed'
      ? 'Cette réunion est déjà reportée : remettez-la en brouillon ou convoquez-la avant de la reporter à nouveau.'
      : `Cette réunion est déjà ${STATUS_PHRASE_FR[status]}.`;
  }
  return `Une réunion ${STATUS_PHRASE_FR[status]} ne peut pas être ${ACTION_PHRASE_FR[action]}.`;
}

/** Why details cannot be edited any more: "Une réunion clôturée ne peut plus être modifiée." */
export function editRefusalFr(status: MeetingStatus): string {
  return `Une réunion ${STATUS_PHRASE_FR[status]} ne peut plus être modifiée.`;
}
