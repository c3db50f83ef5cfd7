import { z } from 'zod';
import {
  AGENDA_ITEM_KINDS,
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  BODY_LEVELS,
  MEETING_KINDS,
  MEETING_STATUSES,
  SEAT_ROLES,
  SEXES,
} from '../domain/vocabularies';
import { Email, Id, IsoDate, Ok, optionalText, Phone, RefSchema, requiredText } from './common';
import { mutation, query } from './define';

/** "HH:MM", 24-hour clock, local time of the secretariat. */
export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'errors.field.invalidTime' });
const optionalClockTime = z
  .union([ClockTime, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

// ── Meetings ────────────────────────────────────────────────────────────────

export const MeetingSchema = z.object({
  id: z.string(),
  body: RefSchema,
  cohosts: z.array(RefSchema),
  number: z.number().nullable(),
  title: z.string().nullable(),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  /** The planned session (from the body's periodicity) this meeting fulfils; null = ad hoc. */
  plannedDate: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  fundingSource: z.string().nullable(),
  convenedOn: z.string().nullable(),
  postponedFrom: z.string().nullable(),
  /** Why it was postponed or cancelled. */
  statusReason: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MeetingInputSchema = z.object({
  bodyId: Id,
  cohostIds: z.array(Id).max(20).default([]),
  number: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .nullish()
    .transform((v) => v ?? null),
  title: optionalText(300),
  kind: z.enum(MEETING_KINDS, { message: 'errors.field.required' }),
  plannedDate: z
    .union([IsoDate, z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
  startDate: IsoDate,
  /** Defaults to the start date (a one-day meeting). */
  endDate: z
    .union([IsoDate, z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
  startTime: optionalClockTime,
  endTime: optionalClockTime,
  place: optionalText(300),
  onlineUrl: optionalText(500),
  fundingSource: optionalText(300),
});
export type MeetingInput = z.input<typeof MeetingInputSchema>;

export const MEETING_TRANSITIONS = [
  'convene',
  'hold',
  'close',
  'postpone',
  'cancel',
  'reopen_draft',
] as const;

export const MeetingTransitionSchema = z.object({
  id: Id,
  action: z.enum(MEETING_TRANSITIONS),
  /** convene: the convocation date (default today). */
  convenedOn: z
    .union([IsoDate, z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
  /** postpone: the new dates. */
  newStartDate: z
    .union([IsoDate, z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
  newEndDate: z
    .union([IsoDate, z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
  /** postpone / cancel: why (required to cancel). */
  reason: optionalText(1000),
});

export const MeetingListItemSchema = MeetingSchema.pick({
  id: true,
  body: true,
  number: true,
  title: true,
  kind: true,
  status: true,
  plannedDate: true,
  startDate: true,
  endDate: true,
  place: true,
  isDemo: true,
});

// ── Agenda ──────────────────────────────────────────────────────────────────

export const ResponsibleSchema = z.object({
  organisationIds: z.array(Id).max(50).default([]),
  personIds: z.array(Id).max(50).default([]),
  /** Free text: "Rapporteurs de groupes", "DGPSN / PAM"… */
  text: optionalText(300),
});

export const AgendaDocumentSchema = z.object({
  title: requiredText(300),
  reference: optionalText(500),
});

export const AgendaEntryInputSchema = z.object({
  /** Kept when editing an existing entry, absent for a new one. */
  id: Id.optional(),
  day: IsoDate,
  entryType: z.enum(['part', 'item']),
  kind: z
    .enum(AGENDA_ITEM_KINDS)
    .nullish()
    .transform((v) => v ?? null),
  title: requiredText(500),
  startTime: optionalClockTime,
  endTime: optionalClockTime,
  responsible: ResponsibleSchema.default({ organisationIds: [], personIds: [], text: null }),
  documents: z.array(AgendaDocumentSchema).max(30).default([]),
});
export type AgendaEntryInput = z.input<typeof AgendaEntryInputSchema>;

export const AgendaEntrySchema = z.object({
  id: z.string(),
  day: z.string(),
  position: z.number(),
  entryType: z.enum(['part', 'item']),
  kind: z.enum(AGENDA_ITEM_KINDS).nullable(),
  title: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  responsible: z.object({
    organisations: z.array(RefSchema),
    persons: z.array(RefSchema),
    text: z.string().nullable(),
  }),
  documents: z.array(z.object({ title: z.string(), reference: z.string().nullable() })),
});
export type AgendaEntry = z.infer<typeof AgendaEntrySchema>;

/** A problem in the agenda that is shown, never refused (real agendas overlap and skip times). */
export const AgendaWarningSchema = z.object({
  code: z.enum(['overlap', 'missing_time', 'end_before_start', 'longer_than_meeting', 'unreadable_line']),
  /** The entry concerned (by index in the day's list) or the pasted line number. */
  day: z.string().nullable(),
  index: z.number().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  message: z.string(),
});
export type AgendaWarning = z.infer<typeof AgendaWarningSchema>;

export const AgendaSchema = z.object({
  meetingId: z.string(),
  days: z.array(z.string()),
  entries: z.array(AgendaEntrySchema),
  warnings: z.array(AgendaWarningSchema),
  /** Minutes scheduled per day vs the meeting's own hours (when both are known). */
  totals: z.array(
    z.object({ day: z.string(), scheduledMinutes: z.number(), availableMinutes: z.number().nullable() }),
  ),
});

export const PastedAgendaSchema = z.object({
  entries: z.array(AgendaEntryInputSchema.omit({ id: true, day: true }).extend({ day: z.string() })),
  warnings: z.array(AgendaWarningSchema),
});

// ── Invitations and attendance ─────────────────────────────────────────────

export const InviteeSchema = z.object({
  id: z.string(),
  seatId: z.string().nullable(),
  person: RefSchema.nullable(),
  organisation: RefSchema.nullable(),
  name: z.string(),
  function: z.string().nullable(),
  organisationLabel: z.string().nullable(),
  role: z.enum(SEAT_ROLES).nullable(),
  rank: z.number().nullable(),
  voting: z.boolean(),
  sex: z.enum(SEXES).nullable(),
  email: z.string().nullable(),
  isExtra: z.boolean(),
});
export type Invitee = z.infer<typeof InviteeSchema>;

export const ExtraInviteeInputSchema = z.object({
  meetingId: Id,
  personId: Id.nullish().transform((v) => v ?? null),
  organisationId: Id.nullish().transform((v) => v ?? null),
  name: optionalText(200),
  function: optionalText(300),
  email: Email,
  sex: z
    .enum(SEXES)
    .nullish()
    .transform((v) => v ?? null),
});

export const AttendanceRecordSchema = z.object({
  id: z.string(),
  inviteeId: z.string().nullable(),
  status: z.enum(ATTENDANCE_STATUSES),
  person: RefSchema.nullable(),
  name: z.string().nullable(),
  function: z.string().nullable(),
  organisation: RefSchema.nullable(),
  organisationLabel: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  representativeName: z.string().nullable(),
  representativeFunction: z.string().nullable(),
  representativeSex: z.enum(SEXES).nullable(),
  /** A walk-in participant, not on the invitation list. */
  walkIn: z.boolean(),
});

export const AttendanceCountSchema = z.object({
  id: z.string(),
  organisation: RefSchema.nullable(),
  label: z.string(),
  count: z.number(),
  women: z.number().nullable(),
});

export const AttendanceStatsSchema = z.object({
  invited: z.number(),
  present: z.number(),
  represented: z.number(),
  excused: z.number(),
  absent: z.number(),
  unmarked: z.number(),
  walkIns: z.number(),
  counted: z.number(),
  /** Everyone in the room: present + représentants + walk-ins + counts. */
  participants: z.number(),
  women: z.number(),
  /** Women among participants whose sex is known, 0..1; null when nobody's sex is known. */
  womenShare: z.number().nullable(),
  byCategory: z.array(z.object({ kind: z.string(), count: z.number() })),
  quorum: z.object({
    rule: z.string(),
    required: z.number(),
    present: z.number(),
    reached: z.boolean(),
    votingSeats: z.number(),
  }),
});

export const AttendanceSchema = z.object({
  meetingId: z.string(),
  invitees: z.array(InviteeSchema),
  records: z.array(AttendanceRecordSchema),
  counts: z.array(AttendanceCountSchema),
  stats: AttendanceStatsSchema,
});

export const MarkAttendanceSchema = z.object({
  meetingId: Id,
  inviteeId: Id,
  status: z.enum(ATTENDANCE_STATUSES),
  representativeName: optionalText(200),
  representativeFunction: optionalText(300),
  representativeSex: z
    .enum(SEXES)
    .nullish()
    .transform((v) => v ?? null),
});

export const WalkInInputSchema = z.object({
  meetingId: Id,
  personId: Id.nullish().transform((v) => v ?? null),
  name: optionalText(200),
  function: optionalText(300),
  organisationId: Id.nullish().transform((v) => v ?? null),
  organisationLabel: optionalText(300),
  sex: z
    .enum(SEXES)
    .nullish()
    .transform((v) => v ?? null),
  email: Email,
  phone: Phone,
});

export const AttendanceCountInputSchema = z.object({
  meetingId: Id,
  organisationId: Id.nullish().transform((v) => v ?? null),
  label: requiredText(300),
  count: z.number({ message: 'errors.field.invalidNumber' }).int().min(0).max(100_000),
  women: z
    .number({ message: 'errors.field.invalidNumber' })
    .int()
    .min(0)
    .max(100_000)
    .nullish()
    .transform((v) => v ?? null),
});

/** One row of a participants sheet, as read and matched; nothing is written until commit. */
export const ParticipantRowSchema = z.object({
  row: z.number(),
  name: z.string(),
  function: z.string().nullable(),
  structure: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  personMatch: RefSchema.nullable(),
  organisationMatch: RefSchema.nullable(),
  /** What commit will do with this row. */
  action: z.enum(['match_invitee', 'walk_in', 'skip']),
  inviteeId: z.string().nullable(),
  problems: z.array(z.object({ column: z.string().nullable(), message: z.string() })),
});

export const ParticipantsPreviewSchema = z.object({
  fileName: z.string(),
  sheet: z.string(),
  headerRow: z.number(),
  columns: z.record(z.string(), z.string()),
  rows: z.array(ParticipantRowSchema),
  newOrganisations: z.array(z.string()),
  errors: z.array(
    z.object({ row: z.number().nullable(), column: z.string().nullable(), message: z.string() }),
  ),
});

export const ChronicAbsenceSchema = z.object({
  body: RefSchema,
  seatId: z.string(),
  function: z.string(),
  organisation: RefSchema.nullable(),
  holder: RefSchema.nullable(),
  consecutiveAbsences: z.number(),
  lastMeetingDate: z.string(),
});

// ── Planning, calendar, regularity, dashboard ──────────────────────────────

export const BodyFilterSchema = z.object({
  bodyIds: z.array(Id).max(2000).optional(),
  kind: z.enum(BODY_KINDS).optional(),
  level: z.enum(BODY_LEVELS).optional(),
  territoryId: Id.optional(),
});

export const CalendarEntrySchema = z.object({
  body: RefSchema,
  date: z.string(),
  endDate: z.string(),
  /** 'planned' = due from the periodicity, no meeting yet. */
  status: z.enum(['planned', ...MEETING_STATUSES]),
  meetingId: z.string().nullable(),
  plannedDate: z.string().nullable(),
  kind: z.enum(MEETING_KINDS).nullable(),
  number: z.number().nullable(),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

export const RegularitySchema = z.object({
  body: RefSchema,
  kind: z.enum(BODY_KINDS),
  level: z.enum(BODY_LEVELS),
  periodicity: z.string(),
  planned: z.number(),
  held: z.number(),
  /** held / planned, 0..1 (held beyond plan does not raise it above 1); null when nothing is planned. */
  rate: z.number().nullable(),
});

export const meetingsContract = {
  'meetings.list': query(
    z.object({
      bodyId: Id.optional(),
      from: IsoDate.optional(),
      to: IsoDate.optional(),
      status: z.enum(MEETING_STATUSES).optional(),
      trashed: z.boolean().default(false),
    }),
    z.array(MeetingListItemSchema),
  ),
  'meetings.get': query(z.object({ id: Id }), MeetingSchema),
  'meetings.create': mutation(MeetingInputSchema, MeetingSchema),
  'meetings.update': mutation(MeetingInputSchema.extend({ id: Id }), MeetingSchema),
  /** Status workflow; a forbidden move is refused with INVALID_TRANSITION. */
  'meetings.transition': mutation(MeetingTransitionSchema, MeetingSchema),
  'meetings.trash': mutation(z.object({ id: Id }), MeetingSchema),
  'meetings.restore': mutation(z.object({ id: Id }), MeetingSchema),
  /** The next number for a body's meeting of that kind. */
  'meetings.nextNumber': query(
    z.object({ bodyId: Id, kind: z.enum(MEETING_KINDS) }),
    z.object({ number: z.number() }),
  ),
  /** An iCalendar invitation (.ics text) for the meeting. */
  'meetings.ics': query(z.object({ id: Id }), z.object({ fileName: z.string(), content: z.string() })),

  'agenda.get': query(z.object({ meetingId: Id }), AgendaSchema),
  /** Replaces the whole agenda in one transaction (order = array order within each day). */
  'agenda.save': mutation(
    z.object({ meetingId: Id, entries: z.array(AgendaEntryInputSchema).max(500) }),
    AgendaSchema,
  ),
  /** Reads a table pasted from Word or Excel; writes nothing. */
  'agenda.parsePaste': query(
    z.object({ meetingId: Id, day: IsoDate, text: z.string().max(200_000) }),
    PastedAgendaSchema,
  ),
  /** Standard items of an ordinary session, for the meeting's first day; writes nothing. */
  'agenda.standardItems': query(z.object({ meetingId: Id }), z.array(AgendaEntryInputSchema)),
  /** Copies another meeting's agenda onto this one's days (replacing it). */
  'agenda.duplicateFrom': mutation(z.object({ meetingId: Id, sourceMeetingId: Id }), AgendaSchema),

  'invitees.generate': mutation(z.object({ meetingId: Id }), z.array(InviteeSchema)),
  'invitees.list': query(z.object({ meetingId: Id }), z.array(InviteeSchema)),
  'invitees.addExtra': mutation(ExtraInviteeInputSchema, InviteeSchema),
  'invitees.remove': mutation(z.object({ id: Id }), Ok),

  'attendance.get': query(z.object({ meetingId: Id }), AttendanceSchema),
  'attendance.mark': mutation(MarkAttendanceSchema, AttendanceRecordSchema),
  'attendance.addWalkIn': mutation(WalkInInputSchema, AttendanceRecordSchema),
  'attendance.removeRecord': mutation(z.object({ id: Id }), Ok),
  'attendance.setCount': mutation(
    AttendanceCountInputSchema.extend({ id: Id.optional() }),
    AttendanceCountSchema,
  ),
  'attendance.removeCount': mutation(z.object({ id: Id }), Ok),
  /** Reads a participants sheet (xlsx, xls, ods, csv) and matches it; writes nothing. */
  'attendance.previewImport': query(
    z.object({
      meetingId: Id,
      fileName: requiredText(255),
      /** The file's bytes, base64. */
      data: z.string().max(14_000_000),
    }),
    ParticipantsPreviewSchema,
  ),
  /** Writes the previewed rows in one transaction; creates the new organisations proposed. */
  'attendance.commitImport': mutation(
    z.object({
      meetingId: Id,
      rows: z.array(ParticipantRowSchema).max(5000),
      createOrganisations: z.array(z.string().max(300)).max(500).default([]),
    }),
    AttendanceSchema,
  ),
  'attendance.chronicAbsences': query(
    z.object({ bodyId: Id.optional(), threshold: z.number().int().min(1).max(12).optional() }),
    z.array(ChronicAbsenceSchema),
  ),

  'planning.calendar': query(
    BodyFilterSchema.extend({ from: IsoDate, to: IsoDate }),
    z.array(CalendarEntrySchema),
  ),
  'planning.regularity': query(
    BodyFilterSchema.extend({ year: z.number().int().min(1990).max(2100) }),
    z.array(RegularitySchema),
  ),
  'planning.dashboard': query(
    z.object({ today: IsoDate.optional() }),
    z.object({
      dueSoon: z.array(CalendarEntrySchema),
      overdue: z.array(CalendarEntrySchema),
      regularity: z.array(RegularitySchema),
      chronicAbsences: z.array(ChronicAbsenceSchema),
      year: z.number(),
    }),
  ),
};
