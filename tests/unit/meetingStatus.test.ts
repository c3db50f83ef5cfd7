import { describe, expect, it } from 'vitest';
import {
  allowedMeetingActions,
  canTransition,
  editRefusalFr,
  isMeetingEditable,
  MEETING_ACTIONS,
  type MeetingAction,
  nextMeetingStatus,
  transitionRefusalFr,
} from '../../shared/domain/meetingStatus';
import { MEETING_STATUSES, type MeetingStatus } from '../../shared/domain/vocabularies';
import { MEETING_TRANSITIONS } from '../../shared/rpc/meetings';

// Every (status, action) pair: the status reached, or null when the move is refused.
const EXPECTED: Record<MeetingStatus, Record<MeetingAction, MeetingStatus | null>> = {
  draft: {
    convene: 'convened',
    hold: 'held',
    close: null,
    postpone: 'postponed',
    cancel: 'cancelled',
    reopen_draft: null,
  },
  convened: {
    convene: null,
    hold: 'held',
    close: null,
    postpone: 'postponed',
    cancel: 'cancelled',
    reopen_draft: null,
  },
  held: { convene: null, hold: null, close: 'closed', postpone: null, cancel: null, reopen_draft: null },
  closed: { convene: null, hold: null, close: null, postpone: null, cancel: null, reopen_draft: null },
  postponed: {
    convene: 'convened',
    hold: null,
    close: null,
    postpone: null,
    cancel: 'cancelled',
    reopen_draft: 'draft',
  },
  cancelled: { convene: null, hold: null, close: null, postpone: null, cancel: null, reopen_draft: null },
};

const cases = MEETING_STATUSES.flatMap((status) =>
  MEETING_ACTIONS.map((action) => ({ status, action, to: EXPECTED[status][action] })),
);

describe('meeting transitions', () => {
  it('cover exactly the actions of the contract', () => {
    expect([...MEETING_ACTIONS].sort()).toEqual([...MEETING_TRANSITIONS].sort());
  });

  it.each(cases)('$status + $action → $to', ({ status, action, to }) => {
    expect(nextMeetingStatus(status, action)).toBe(to);
    expect(canTransition(status, action)).toBe(to !== null);
  });

  it('lists the moves a screen may offer, in workflow order', () => {
    expect(allowedMeetingActions('draft')).toEqual(['convene', 'hold', 'postpone', 'cancel']);
    expect(allowedMeetingActions('convened')).toEqual(['hold', 'postpone', 'cancel']);
    expect(allowedMeetingActions('held')).toEqual(['close']);
    expect(allowedMeetingActions('postponed')).toEqual(['convene', 'cancel', 'reopen_draft']);
    expect(allowedMeetingActions('closed')).toEqual([]);
    expect(allowedMeetingActions('cancelled')).toEqual([]);
  });

  it('keeps closed and cancelled meetings as they are', () => {
    expect(MEETING_STATUSES.filter(isMeetingEditable)).toEqual(['draft', 'convened', 'held', 'postponed']);
    expect(editRefusalFr('closed')).toBe('Une réunion clôturée ne peut plus être modifiée.');
    expect(editRefusalFr('cancelled')).toBe('Une réunion annulée ne peut plus être modifiée.');
  });
});

describe('refusal messages', () => {
  it.each<[MeetingStatus, MeetingAction, string]>([
    ['closed', 'convene', 'Une réunion clôturée ne peut pas être convoquée.'],
    ['cancelled', 'hold', 'Une réunion annulée ne peut pas être marquée comme tenue.'],
    ['draft', 'close', 'Une réunion en brouillon ne peut pas être clôturée.'],
    ['held', 'postpone', 'Une réunion tenue ne peut pas être reportée.'],
    ['held', 'cancel', 'Une réunion tenue ne peut pas être annulée.'],
    ['convened', 'reopen_draft', 'Une réunion convoquée ne peut pas être remise en brouillon.'],
    ['convened', 'convene', 'Cette réunion est déjà convoquée.'],
    ['held', 'hold', 'Cette réunion est déjà tenue.'],
    ['cancelled', 'cancel', 'Cette réunion est déjà annulée.'],
  ])('%s + %s: %s', (status, action, message) => {
    expect(transitionRefusalFr(status, action)).toBe(message);
  });

  it('tells how to move a postponed meeting again', () => {
    expect(transitionRefusalFr('postponed', 'postpone')).toMatch(/^Cette réunion est déjà reportée : /);
  });

  it('has a French sentence for every refused pair', () => {
    for (const { status, action, to } of cases) {
      if (to !== null) continue;
      expect(transitionRefusalFr(status, action)).toMatch(/^(Une|Cette) réunion .+\.$/);
    }
  });
});
