import { addDays, formatDateFr } from '../../../../shared/domain/dates';
import type { MeetingStatus, TimeZone } from '../../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../../shared/rpc';
import type { Db } from '../../db/open';
import { readSettings } from '../settings/repository';
import { meetingTitle, requireMeetingRow } from './repository';

// iCalendar invitations (RFC 5545, with the iTIP method of RFC 5546) that Outlook, Thunderbird,
// Google and phone calendars accept when a secretary attaches them to a convocation e-mail.

/**
 * UTC offsets of the secretariats' zones. None of them has observed daylight saving time for
 * decades, so one STANDARD component with a fixed offset describes each completely.
 */
export const TIME_ZONE_OFFSETS: Record<TimeZone, { offset: '+0000' | '+0100'; name: 'GMT' | 'WAT' }> = {
  'Africa/Bamako': { offset: '+0000', name: 'GMT' },
  'Africa/Porto-Novo': { offset: '+0100', name: 'WAT' },
  'Africa/Dakar': { offset: '+0000', name: 'GMT' },
  'Africa/Ouagadougou': { offset: '+0000', name: 'GMT' },
  'Africa/Niamey': { offset: '+0100', name: 'WAT' },
  'Africa/Ndjamena': { offset: '+0100', name: 'WAT' },
  'Africa/Abidjan': { offset: '+0000', name: 'GMT' },
  'Africa/Conakry': { offset: '+0000', name: 'GMT' },
  'Africa/Lome': { offset: '+0000', name: 'GMT' },
  'Africa/Douala': { offset: '+0100', name: 'WAT' },
};

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (CN=…): quoted when it holds ':', ';' or ','; double quotes cannot appear. */
function paramValue(text: string): string {
  const clean = text.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const encoder = new TextEncoder();

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 §3.1), continuation lines
 * starting with one space. Cuts fall between characters, never inside a UTF-8 sequence, so
 * "réunion" is never broken in the middle of its "é".
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > 75) {
      parts.push(current);
      current = ' ';
      size = 1;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const compact = (iso: string) => iso.replaceAll('-', '');
const localDateTime = (date: string, time: string) => `${compact(date)}T${time.replace(':', '')}00`;

/** '20260312T081500Z' */
export function utcStamp(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** "reunion-GTGPS-2026-03-12.ics": ASCII only, so every mail client and USB stick keeps it intact. */
export function icsFileName(bodyShortName: string, startDate: string): string {
  const slug = bodyShortName
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `reunion-${slug || 'instance'}-${startDate}.ics`;
}

export interface IcsAgendaEntry {
  day: string;
  entryType: 'part' | 'item';
  title: string;
  startTime: string | null;
  endTime: string | null;
}

export interface IcsMeeting {
  id: string;
  body: { name: string; acronym: string | null };
  kind: string;
  number: number | null;
  title: string | null;
  status: MeetingStatus;
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  onlineUrl: string | null;
  timeZone: TimeZone;
  agenda: IcsAgendaEntry[];
  organizer: { name: string; email: string } | null;
  /** Bumped at each change so that calendars replace the event they already have. */
  sequence: number;
  stamp: Date;
}

function description(m: IcsMeeting): string {
  const lines = [m.body.name];
  if (m.title) lines.push(m.title);
  if (m.onlineUrl) lines.push(`Lien de connexion : ${m.onlineUrl}`);
  if (m.agenda.length > 0) {
    lines.push('', 'Ordre du jour :');
    const days = new Set(m.agenda.map((e) => e.day));
    let day: string | null = null;
    for (const entry of m.agenda) {
      if (days.size > 1 && entry.day !== day) lines.push(formatDateFr(entry.day));
      day = entry.day;
      if (entry.entryType === 'part') {
        lines.push(entry.title);
        continue;
      }
      const time = entry.startTime ? `${entry.startTime}${entry.endTime ? `–${entry.endTime}` : ''} ` : '';
      lines.push(`- ${time}${entry.title}`);
    }
  }
  return lines.join('\n');
}

/**
 * The whole VCALENDAR, CRLF-terminated. Times are local times of the secretariat (TZID of the
 * settings' zone, with its VTIMEZONE); a meeting without both times is an all-day event whose
 * DTEND is the day after its last day (DTEND is exclusive).
 */
export function buildMeetingIcs(m: IcsMeeting): string {
  const timed = m.startTime !== null && m.endTime !== null;
  const cancelled = m.status === 'cancelled';
  const zone = TIME_ZONE_OFFSETS[m.timeZone];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Concerto//Concerto//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${cancelled ? 'CANCEL' : 'REQUEST'}`,
  ];
  if (timed) {
    lines.push(
      'BEGIN:VTIMEZONE',
      `TZID:${m.timeZone}`,
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${zone.offset}`,
      `TZOFFSETTO:${zone.offset}`,
      `TZNAME:${zone.name}`,
      'END:STANDARD',
      'END:VTIMEZONE',
    );
  }
  lines.push(
    'BEGIN:VEVENT',
    `UID:${m.id}@concerto`,
    `DTSTAMP:${utcStamp(m.stamp)}`,
    `SEQUENCE:${m.sequence}`,
  );
  if (timed && m.startTime && m.endTime) {
    lines.push(
      `DTSTART;TZID=${m.timeZone}:${localDateTime(m.startDate, m.startTime)}`,
      `DTEND;TZID=${m.timeZone}:${localDateTime(m.endDate, m.endTime)}`,
    );
  } else {
    lines.push(
      `DTSTART;VALUE=DATE:${compact(m.startDate)}`,
      `DTEND;VALUE=DATE:${compact(addDays(m.endDate, 1))}`,
    );
  }
  const summary = meetingTitle(m.body, m.kind, m.number);
  lines.push(`SUMMARY:${escapeIcsText(m.title ? `${summary} : ${m.title}` : summary)}`);
  const location = m.place ?? (m.onlineUrl ? 'En ligne' : null);
  if (location) lines.push(`LOCATION:${escapeIcsText(location)}`);
  // URL is a URI value, not TEXT: it is written as typed.
  if (m.onlineUrl) lines.push(`URL:${m.onlineUrl.replace(/[\r\n]/g, '')}`);
  lines.push(`DESCRIPTION:${escapeIcsText(description(m))}`);
  if (m.organizer) {
    lines.push(`ORGANIZER;CN=${paramValue(m.organizer.name)}:mailto:${m.organizer.email}`);
  }
  lines.push(
    `STATUS:${cancelled ? 'CANCELLED' : m.status === 'draft' || m.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  );
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

/** Reads the meeting, its body, agenda and secretariat, and writes its invitation. */
export async function meetingIcs(db: Db, id: string, now = new Date()): Promise<OutputOf<'meetings.ics'>> {
  const row = await requireMeetingRow(db, id);
  const body = await db
    .selectFrom('bodies')
    .leftJoin('organisations', 'organisations.id', 'bodies.secretariat_organisation_id')
    .select([
      'bodies.name',
      'bodies.acronym',
      'organisations.name as org_name',
      'organisations.acronym as org_acronym',
      'organisations.email as org_email',
    ])
    .where('bodies.id', '=', row.body_id)
    .executeTakeFirstOrThrow();
  const agenda = await db
    .selectFrom('agenda_entries')
    .select(['day', 'entry_type', 'title', 'start_time', 'end_time'])
    .where('meeting_id', '=', id)
    .orderBy('day')
    .orderBy('position')
    .execute();
  const changes = await db
    .selectFrom('history')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity_type', '=', 'meeting')
    .where('entity_id', '=', id)
    .where('action', 'in', ['update', 'status'])
    .executeTakeFirst();
  const settings = await readSettings(db);
  const content = buildMeetingIcs({
    id: row.id,
    body: { name: body.name, acronym: body.acronym },
    kind: row.kind,
    number: row.number,
    title: row.title,
    status: row.status,
    startDate: row.start_date,
    endDate: row.end_date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    onlineUrl: row.online_url,
    timeZone: settings.timeZone,
    agenda: agenda.map((e) => ({
      day: e.day,
      entryType: e.entry_type,
      title: e.title,
      startTime: e.start_time,
      endTime: e.end_time,
    })),
    organizer:
      body.org_name !== null && body.org_email
        ? { name: body.org_acronym ?? body.org_name, email: body.org_email }
        : null,
    sequence: Number(changes?.n ?? 0),
    stamp: now,
  });
  return { fileName: icsFileName(body.acronym ?? body.name, row.start_date), content };
}
