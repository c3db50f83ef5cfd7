import MailComposer from 'nodemailer/lib/mail-composer';
import { longDateFr } from '../../../../shared/documents/format';
import { CLOSING_STATUSES } from '../../../../shared/domain/recommendationStatus';
import { compareFr } from '../../../../shared/domain/text';
import type { MeetingKind } from '../../../../shared/domain/vocabularies';
import type { EmailContext, Recipient } from '../../../../shared/rpc/documents';
import type { EmailTemplateKey } from '../../../../shared/rpc/system';
import type { Db } from '../../db/open';
import { AppError } from '../../errors';
import { inviteeRows } from '../attendance/repository';
import { compositionAsAt } from '../bodies/seats';
import type { BuildEnv } from '../documents/types';
import { requireMeetingRow } from '../meetings/repository';
import { type ExportFormat, MIME_TYPES } from './formats';

// Email drafts: who they go to (proposed from the meeting, the body or the follow-up), what they
// say (the settings' templates with their placeholders filled) and the .eml itself, a standard
// MIME message marked unsent that the mail client opens as a draft. Nothing is ever sent.

// ── Recipients ─────────────────────────────────────────────────────────────

interface Candidate {
  name: string;
  email: string | null;
  organisation: string | null;
}

interface OrganisationContact {
  name: string;
  acronym: string | null;
  email: string | null;
}

const organisationShort = (o: { name: string; acronym: string | null }) => o.acronym ?? o.name;

const cleanEmail = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

async function organisationsByIds(
  db: Db,
  ids: Iterable<string | null>,
): Promise<Map<string, OrganisationContact>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym', 'email'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

async function peopleByIds(db: Db, ids: Iterable<string | null>) {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, { email: string | null; organisation_id: string | null }>();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'email', 'organisation_id'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The invitees, each with their own address, else their record's, else their organisation's. */
async function meetingCandidates(db: Db, meetingId: string): Promise<Candidate[]> {
  await requireMeetingRow(db, meetingId);
  const invitees = await inviteeRows(db, meetingId);
  const people = await peopleByIds(
    db,
    invitees.map((i) => i.person_id),
  );
  const organisations = await organisationsByIds(db, [
    ...invitees.map((i) => i.organisation_id),
    ...[...people.values()].map((p) => p.organisation_id),
  ]);
  return invitees.map((invitee) => {
    const person = invitee.person_id ? people.get(invitee.person_id) : undefined;
    const organisationId = invitee.organisation_id ?? person?.organisation_id ?? null;
    const organisation = organisationId ? organisations.get(organisationId) : undefined;
    return {
      name: invitee.name,
      email: cleanEmail(invitee.email) ?? cleanEmail(person?.email) ?? cleanEmail(organisation?.email),
      organisation: invitee.organisation_label ?? (organisation ? organisationShort(organisation) : null),
    };
  });
}

/** The current holders of the body's seats, falling back to the seat organisation's address. */
async function bodyCandidates(db: Db, bodyId: string, today: string): Promise<Candidate[]> {
  const { seats } = await compositionAsAt(db, bodyId, today);
  const held = seats.filter((s) => s.holder !== null);
  const people = await peopleByIds(
    db,
    held.map((s) => s.holder?.person.id ?? null),
  );
  const organisations = await organisationsByIds(db, [
    ...held.map((s) => s.organisation?.id ?? null),
    ...[...people.values()].map((p) => p.organisation_id),
  ]);
  return held.map((seat) => {
    const person = seat.holder ? people.get(seat.holder.person.id) : undefined;
    const organisationId = seat.organisation?.id ?? person?.organisation_id ?? null;
    const organisation = organisationId ? organisations.get(organisationId) : undefined;
    return {
      name: seat.holder?.person.label ?? seat.function,
      email: cleanEmail(person?.email) ?? cleanEmail(organisation?.email),
      organisation: organisation ? organisationShort(organisation) : null,
    };
  });
}

/**
 * The contacts of the organisations responsible for open recommendations (of a body, or of all
 * bodies): the organisation's own address, the people currently holding its seats (in that
 * body) and the focal person named on a recommendation. An organisation that yields no address
 * is listed as missing under its name.
 */
async function followUpCandidates(db: Db, bodyId: string | null, today: string): Promise<Candidate[]> {
  let query = db
    .selectFrom('recommendations')
    .innerJoin('bodies', 'bodies.id', 'recommendations.body_id')
    .select(['recommendations.lead_organisation_id', 'recommendations.person_id'])
    .where('recommendations.deleted_at', 'is', null)
    .where('bodies.deleted_at', 'is', null)
    .where('recommendations.status', 'not in', [...CLOSING_STATUSES]);
  if (bodyId !== null) query = query.where('recommendations.body_id', '=', bodyId);
  const open = await query.execute();
  const organisationIds = [...new Set(open.flatMap((r) => r.lead_organisation_id ?? []))];
  const organisations = await organisationsByIds(db, organisationIds);

  let holdersQuery = db
    .selectFrom('seats')
    .innerJoin('seat_holders', 'seat_holders.seat_id', 'seats.id')
    .innerJoin('people', 'people.id', 'seat_holders.person_id')
    .innerJoin('bodies', 'bodies.id', 'seats.body_id')
    .select(['seats.organisation_id', 'people.first_name', 'people.last_name', 'people.email'])
    .where('seats.deleted_at', 'is', null)
    .where('seat_holders.deleted_at', 'is', null)
    .where('people.deleted_at', 'is', null)
    .where('bodies.deleted_at', 'is', null)
    .where('seat_holders.valid_from', '<=', today)
    .where((eb) =>
      eb.or([eb('seat_holders.valid_to', 'is', null), eb('seat_holders.valid_to', '>=', today)]),
    );
  if (bodyId !== null) holdersQuery = holdersQuery.where('seats.body_id', '=', bodyId);
  const holders =
    organisationIds.length === 0
      ? []
      : await holdersQuery.where('seats.organisation_id', 'in', organisationIds).execute();

  const candidates: Candidate[] = [];
  for (const id of organisationIds) {
    const organisation = organisations.get(id);
    if (!organisation) continue;
    const short = organisationShort(organisation);
    const own: Candidate[] = [];
    const email = cleanEmail(organisation.email);
    if (email) own.push({ name: organisation.name, email, organisation: short });
    for (const h of holders.filter((x) => x.organisation_id === id)) {
      const holderEmail = cleanEmail(h.email);
      if (holderEmail)
        own.push({ name: `${h.first_name} ${h.last_name}`.trim(), email: holderEmail, organisation: short });
    }
    candidates.push(
      ...(own.length > 0 ? own : [{ name: organisation.name, email: null, organisation: short }]),
    );
  }

  const personIds = [...new Set(open.flatMap((r) => r.person_id ?? []))];
  if (personIds.length > 0) {
    const people = await db
      .selectFrom('people')
      .leftJoin('organisations', 'organisations.id', 'people.organisation_id')
      .select([
        'people.first_name',
        'people.last_name',
        'people.email',
        'organisations.name as organisation_name',
        'organisations.acronym as organisation_acronym',
      ])
      .where('people.id', 'in', personIds)
      .where('people.deleted_at', 'is', null)
      .execute();
    for (const p of people) {
      candidates.push({
        name: `${p.first_name} ${p.last_name}`.trim(),
        email: cleanEmail(p.email),
        organisation:
          p.organisation_name === null
            ? null
            : organisationShort({ name: p.organisation_name, acronym: p.organisation_acronym }),
      });
    }
  }
  return candidates;
}

/** "Awa Diallo (DPFG)": how a person without an address is named to the secretary. */
const missingLabel = (c: Candidate) =>
  c.organisation && c.organisation !== c.name ? `${c.name} (${c.organisation})` : c.name;

/**
 * Recipients with an address, one per address (case does not matter in practice), in French
 * alphabetical order; and the names that have no address, so the secretary can complete them.
 */
export function splitCandidates(candidates: readonly Candidate[]): {
  recipients: Recipient[];
  missing: string[];
} {
  const byEmail = new Map<string, Recipient>();
  const missing = new Set<string>();
  for (const c of candidates) {
    if (c.email === null) {
      missing.add(missingLabel(c));
      continue;
    }
    const key = c.email.toLowerCase();
    if (!byEmail.has(key)) byEmail.set(key, { name: c.name, email: c.email, organisation: c.organisation });
  }
  const recipients = [...byEmail.values()].sort(
    (a, b) => compareFr(a.name, b.name) || compareFr(a.email, b.email),
  );
  return { recipients, missing: [...missing].sort(compareFr) };
}

// ── Subject and body ───────────────────────────────────────────────────────

export const PLACEHOLDERS = ['ORGANE', 'SIGLE', 'SESSION', 'DATE', 'LIEU', 'SIGNATAIRE'] as const;
export type Placeholders = Record<(typeof PLACEHOLDERS)[number], string>;

/** How a session is named in a sentence when it has no title of its own. */
const SESSION_NAMES: Record<MeetingKind, string> = {
  ordinary: 'Session ordinaire',
  extraordinary: 'Session extraordinaire',
  framing: 'Réunion de cadrage',
  pre_validation: 'Atelier de pré-validation',
  validation: 'Atelier de validation',
  review: 'Revue',
  workshop: 'Atelier',
  mission: 'Mission',
};

/** Fills {ORGANE}, {SIGLE}… Unknown braces are left as typed. */
export function fillTemplate(template: string, values: Placeholders): string {
  return template.replace(
    /\{(ORGANE|SIGLE|SESSION|DATE|LIEU|SIGNATAIRE)\}/g,
    (_, key: keyof Placeholders) => values[key],
  );
}

/** Control characters (line breaks included) and Unicode line separators. */
const isLineBreaking = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
};

/** One line, no control characters: what a header (subject, a name) may carry. */
export function oneLine(text: string): string {
  return [...text]
    .map((char) => (isLineBreaking(char) ? ' ' : char))
    .join('')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** A subject whose placeholders were empty: no leading dash, no doubled spaces, capitalised. */
function tidySubject(text: string): string {
  const line = oneLine(text).replace(/^[\s—–\-:,]+|[\s—–\-:,]+$/g, '');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/**
 * Spaces doubled where a placeholder was empty are closed up and the blank end left by an empty
 * signature is dropped; line breaks inside stay.
 */
function tidyBody(text: string): string {
  return text.replace(/(\S) {2,}(?=\S)/g, '$1 ').trimEnd();
}

interface TemplateContext {
  key: EmailTemplateKey;
  values: Placeholders;
  /** The body concerned, for the file name (its acronym). */
  body: { name: string; acronym: string | null } | null;
}

async function bodyRow(db: Db, id: string) {
  const body = await db
    .selectFrom('bodies')
    .select(['id', 'name', 'acronym'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!body)
    throw new AppError('NOT_FOUND', 'Cette instance est introuvable (elle a peut-être été supprimée).');
  return body;
}

export async function templateContext(
  db: Db,
  context: EmailContext,
  env: BuildEnv,
): Promise<TemplateContext> {
  const { signature } = env.settings;
  const signatory = [signature.title, signature.name].filter((s): s is string => !!s).join('\n');
  const base = { SESSION: '', DATE: longDateFr(env.today), LIEU: '', SIGNATAIRE: signatory };
  if (context.kind === 'meeting') {
    const meeting = await requireMeetingRow(db, context.meetingId);
    const body = await bodyRow(db, meeting.body_id);
    const kindName = SESSION_NAMES[meeting.kind as MeetingKind] ?? 'Réunion';
    return {
      key: 'meeting',
      body,
      values: {
        ...base,
        ORGANE: body.name,
        SIGLE: body.acronym ?? body.name,
        SESSION: meeting.title ?? `${kindName}${meeting.number === null ? '' : ` n°${meeting.number}`}`,
        DATE: longDateFr(meeting.start_date),
        LIEU: meeting.place ?? (meeting.online_url ? 'en ligne' : ''),
      },
    };
  }
  if (context.bodyId === null) {
    return {
      key: 'followUp',
      body: null,
      values: { ...base, ORGANE: 'l’ensemble des instances', SIGLE: '' },
    };
  }
  const body = await bodyRow(db, context.bodyId);
  return {
    key: context.kind,
    body,
    values: { ...base, ORGANE: body.name, SIGLE: body.acronym ?? body.name },
  };
}

/** What "Envoyer par courriel" proposes: recipients, who has no address, subject and text. */
export async function emailProposal(db: Db, context: EmailContext, env: BuildEnv) {
  const filled = await templateContext(db, context, env);
  const candidates =
    context.kind === 'meeting'
      ? await meetingCandidates(db, context.meetingId)
      : context.kind === 'body'
        ? await bodyCandidates(db, context.bodyId, env.today)
        : await followUpCandidates(db, context.bodyId, env.today);
  const template = env.settings.emailTemplates[filled.key];
  return {
    ...splitCandidates(candidates),
    subject: tidySubject(
      fillTemplate(template.subject, { ...filled.values, SIGNATAIRE: oneLine(filled.values.SIGNATAIRE) }),
    ),
    body: tidyBody(fillTemplate(template.body, filled.values)),
  };
}

// ── The .eml ───────────────────────────────────────────────────────────────

export interface EmlInput {
  recipients: readonly { name: string; email: string }[];
  subject: string;
  body: string;
  attachments: readonly { fileName: string; format: ExportFormat; bytes: Uint8Array }[];
  date: Date;
}

/** "Awa Diallo <awa@exemple.bj>", or the address alone. */
export const recipientLine = (r: { name: string; email: string }): string => {
  const name = oneLine(r.name);
  return name ? `${name} <${r.email}>` : r.email;
};

/**
 * A draft as standard MIME (RFC 5322): To, Subject, Date, X-Unsent: 1 (Outlook opens it as a
 * draft to send), the text and the attachments. No From: the mail client puts the user's own
 * account there. Subject and names are reduced to one line before MailComposer encodes them, so
 * a line break typed into them cannot start a header of its own.
 */
export async function composeEml(input: EmlInput): Promise<Uint8Array> {
  const composer = new MailComposer({
    to: input.recipients.map((r) => ({ name: oneLine(r.name), address: r.email })),
    subject: oneLine(input.subject),
    // CRLF throughout, as RFC 5322 wants and as Outlook expects of a file it opens.
    text: input.body.replace(/\r\n?|\n/g, '\r\n'),
    date: input.date,
    headers: { 'X-Unsent': '1' },
    attachments: input.attachments.map((a) => ({
      filename: a.fileName,
      content: Buffer.from(a.bytes),
      contentType: MIME_TYPES[a.format],
    })),
  });
  return new Uint8Array(await composer.compile().build());
}
