import { normaliseName } from '../../../../shared/domain/text';
import type { FieldIssue } from '../../../../shared/errors';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { Ref } from '../../../../shared/rpc/common';
import { OrganisationInputSchema } from '../../../../shared/rpc/organisations';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { AppError, validationError } from '../../errors';
import { parseJson } from '../../json';
import { columnLetter } from '../../spreadsheets/columns';
import { readSpreadsheet } from '../../spreadsheets/read';
import type { SheetData } from '../../spreadsheets/types';
import { recordHistory } from '../history/repository';
import { requireMeetingRow } from '../meetings/repository';
import { createOrganisation } from '../organisations/service';
import {
  ensureAttendanceOpen,
  fullLabel,
  insertWalkIn,
  issue,
  issueFr,
  personLabel,
  shortLabel,
  upsertInviteeAttendance,
} from './repository';
import {
  detectHeader,
  EMAIL_PATTERN,
  FIELD_LABELS,
  HEADER_SEARCH_ROWS,
  type HeaderMatch,
  nameKey,
  type ParticipantField,
  readRows,
  structureKey,
  structureKeys,
} from './sheet';

type Preview = OutputOf<'attendance.previewImport'>;
type PreviewRow = Preview['rows'][number];

interface OrganisationEntry {
  id: string;
  name: string;
  acronym: string | null;
}

/** Everything a sheet is matched against: the directory and this meeting's lists. */
interface MatchContext {
  organisations: Map<string, OrganisationEntry[]>;
  people: Map<string, { id: string; label: string; organisationId: string | null }[]>;
  inviteeByPerson: Map<string, string>;
  inviteeByName: Map<string, string[]>;
  walkInPeople: Set<string>;
  walkInNames: Set<string>;
}

async function matchContext(db: Db, meetingId: string): Promise<MatchContext> {
  const organisations = new Map<string, OrganisationEntry[]>();
  const organisationRows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym', 'aliases'])
    .where('deleted_at', 'is', null)
    .execute();
  for (const o of organisationRows) {
    const keys = new Set(
      [o.name, o.acronym ?? '', ...parseJson<string[]>(o.aliases, [])]
        .map(structureKey)
        .filter((k) => k !== ''),
    );
    for (const key of keys) {
      const list = organisations.get(key) ?? [];
      list.push({ id: o.id, name: o.name, acronym: o.acronym });
      organisations.set(key, list);
    }
  }

  // Sheets write "Awa TRAORÉ" as often as "TRAORÉ Awa": both orders find the person.
  const people = new Map<string, { id: string; label: string; organisationId: string | null }[]>();
  const peopleRows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'organisation_id'])
    .where('deleted_at', 'is', null)
    .execute();
  for (const p of peopleRows) {
    const entry = {
      id: p.id,
      label: personLabel(p.first_name, p.last_name),
      organisationId: p.organisation_id,
    };
    const keys = new Set([
      nameKey(`${p.first_name} ${p.last_name}`),
      nameKey(`${p.last_name} ${p.first_name}`),
    ]);
    for (const key of keys) {
      if (key === '') continue;
      const list = people.get(key) ?? [];
      list.push(entry);
      people.set(key, list);
    }
  }

  const inviteeByPerson = new Map<string, string>();
  const inviteeByName = new Map<string, string[]>();
  const invitees = await db
    .selectFrom('invitees')
    .select(['id', 'person_id', 'name'])
    .where('meeting_id', '=', meetingId)
    .execute();
  for (const i of invitees) {
    if (i.person_id) inviteeByPerson.set(i.person_id, i.id);
    const key = nameKey(i.name);
    inviteeByName.set(key, [...(inviteeByName.get(key) ?? []), i.id]);
  }

  const walkIns = await db
    .selectFrom('attendance')
    .select(['person_id', 'name'])
    .where('meeting_id', '=', meetingId)
    .where('invitee_id', 'is', null)
    .execute();
  return {
    organisations,
    people,
    inviteeByPerson,
    inviteeByName,
    walkInPeople: new Set(walkIns.map((w) => w.person_id).filter((id): id is string => id !== null)),
    walkInNames: new Set(walkIns.map((w) => nameKey(w.name ?? '')).filter((k) => k !== '')),
  };
}

function findOrganisations(context: MatchContext, structure: string): OrganisationEntry[] {
  for (const key of structureKeys(structure)) {
    const found = context.organisations.get(key);
    if (found && found.length > 0) return found;
  }
  return [];
}

/** The sheet holding the list: the first (visible first) whose headers name a "Nom" column. */
function pickSheet(sheets: SheetData[], fileName: string): { sheet: SheetData; header: HeaderMatch } {
  const withData = [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)].filter(
    (s) => s.rows.length > 0,
  );
  for (const sheet of withData) {
    const header = detectHeader(sheet.rows);
    if (header) return { sheet, header };
  }
  const first = withData[0];
  if (!first) throw new AppError('IMPORT_FORMAT', `Le fichier « ${fileName} » est vide.`);
  const last = Math.min(first.rows.length, HEADER_SEARCH_ROWS);
  const lines = last <= 1 ? 'ligne 1' : `lignes 1 à ${last}`;
  throw new AppError(
    'IMPORT_FORMAT',
    `Colonne « Nom » introuvable dans la feuille « ${first.name} » (${lines}).`,
  );
}

/**
 * Reads a participants sheet and says what importing it would do, row by row; writes nothing.
 * Each row is matched to an invitee (marked present on commit) through the directory's people or
 * the invitation list's names, or becomes a walk-in; its structure is matched to an organisation
 * by name, acronym or alias, or proposed as a new one. Rows without a name, repeated rows and
 * people already on the list of walk-ins are skipped, with the reason.
 */
export async function previewImport(
  db: Db,
  input: ParsedInputOf<'attendance.previewImport'>,
): Promise<Preview> {
  const meeting = await requireMeetingRow(db, input.meetingId);
  ensureAttendanceOpen(meeting);
  const bytes = Buffer.from(input.data, 'base64');
  const spreadsheet = await readSpreadsheet(bytes, input.fileName);
  const { sheet, header } = pickSheet(spreadsheet.sheets, input.fileName);
  const context = await matchContext(db, meeting.id);

  const columns: Record<string, string> = {};
  for (const [field, index] of Object.entries(header.columns) as [ParticipantField, number][]) {
    columns[field] = columnLetter(index);
  }

  const seenRows = new Map<string, number>();
  const seenInvitees = new Map<string, number>();
  const seenPeople = new Map<string, number>();
  const newOrganisations = new Map<string, string>();
  const rows: PreviewRow[] = [];
  const nameLetter = columns.name ?? columns.firstName ?? null;

  for (const read of readRows(sheet.rows, header)) {
    const problems = read.problems.map(({ column, message }) => ({ column, message }));
    let skip = read.problems.some((p) => p.skip);
    const duplicate = (first: number) => {
      problems.push({
        column: FIELD_LABELS.name,
        message: `Ligne ${read.row}${nameLetter ? `, colonne ${nameLetter}` : ''} : doublon de la ligne ${first}.`,
      });
      skip = true;
    };

    let organisationMatch: Ref | null = null;
    let organisationId: string | null = null;
    if (read.structure) {
      const found = findOrganisations(context, read.structure);
      const [only] = found;
      if (found.length === 1 && only) {
        organisationMatch = { id: only.id, label: fullLabel(only.name, only.acronym) };
        organisationId = only.id;
      } else if (found.length > 1) {
        const names = found.map((o) => shortLabel(o.name, o.acronym)).join(', ');
        problems.push({
          column: FIELD_LABELS.structure,
          message:
            `Ligne ${read.row}, colonne ${columns.structure} : la structure « ${read.structure} » correspond à ` +
            `plusieurs organisations (${names}) ; elle est gardée en texte libre.`,
        });
      } else {
        const key = structureKey(read.structure);
        if (!newOrganisations.has(key)) newOrganisations.set(key, read.structure);
      }
    }

    let personMatch: Ref | null = null;
    let inviteeId: string | null = null;
    let alreadyRecorded = false;
    const key = nameKey(read.name);
    if (key !== '') {
      const candidates = context.people.get(key) ?? [];
      const narrowed =
        candidates.length > 1 && organisationId
          ? candidates.filter((p) => p.organisationId === organisationId)
          : candidates;
      const [person] = narrowed;
      if (narrowed.length === 1 && person) {
        personMatch = { id: person.id, label: person.label };
        inviteeId = context.inviteeByPerson.get(person.id) ?? null;
        alreadyRecorded = context.walkInPeople.has(person.id);
      }
      if (!inviteeId) {
        const byName = context.inviteeByName.get(key) ?? [];
        if (byName.length === 1) inviteeId = byName[0] ?? null;
      }
      if (!inviteeId && !alreadyRecorded) alreadyRecorded = context.walkInNames.has(key);
    }

    const rowKey = `${key}|${read.structure ? structureKey(read.structure) : ''}`;
    if (!skip) {
      const first =
        seenRows.get(rowKey) ??
        (inviteeId ? seenInvitees.get(inviteeId) : undefined) ??
        (personMatch ? seenPeople.get(personMatch.id) : undefined);
      if (first !== undefined) duplicate(first);
      else {
        seenRows.set(rowKey, read.row);
        if (inviteeId) seenInvitees.set(inviteeId, read.row);
        if (personMatch) seenPeople.set(personMatch.id, read.row);
      }
    }
    if (!skip && !inviteeId && alreadyRecorded) {
      problems.push({
        column: null,
        message: `Ligne ${read.row} : « ${read.name} » figure déjà parmi les participants de cette réunion.`,
      });
      skip = true;
    }

    rows.push({
      row: read.row,
      name: read.name,
      function: read.function,
      structure: read.structure,
      sex: read.sex,
      email: read.email,
      phone: read.phone,
      personMatch,
      organisationMatch,
      action: skip ? 'skip' : inviteeId ? 'match_invitee' : 'walk_in',
      inviteeId: skip ? null : inviteeId,
      problems,
    });
  }

  // Letters in the file-level list, so a user can find the cell; the rows keep the field name.
  const letterOf = (column: string | null) => {
    const field = (Object.keys(FIELD_LABELS) as ParticipantField[]).find((f) => FIELD_LABELS[f] === column);
    return field ? (columns[field] ?? null) : null;
  };
  return {
    fileName: input.fileName,
    sheet: sheet.name,
    headerRow: header.row + 1,
    columns,
    rows,
    newOrganisations: [...newOrganisations.values()],
    errors: rows.flatMap((r) =>
      r.problems.map((p) => ({ row: r.row, column: letterOf(p.column), message: p.message })),
    ),
  };
}

type CommitInput = ParsedInputOf<'attendance.commitImport'>;

/**
 * Writes a previewed sheet in the caller's transaction, all or nothing: the new organisations
 * the user kept (kind "autre"), invitees marked present, walk-ins with the person and
 * organisation they matched. Every row is checked before anything is written. Importing the same
 * sheet twice adds nobody twice.
 */
export async function commitImport(trx: Db, input: CommitInput, actor: string): Promise<void> {
  const meeting = await requireMeetingRow(trx, input.meetingId);
  ensureAttendanceOpen(meeting);

  const inviteeRows = await trx
    .selectFrom('invitees')
    .select(['id', 'person_id'])
    .where('meeting_id', '=', meeting.id)
    .execute();
  const invitees = new Set(inviteeRows.map((i) => i.id));
  const inviteeByPerson = new Map(
    inviteeRows.filter((i) => i.person_id !== null).map((i) => [i.person_id as string, i.id]),
  );
  const wanted = <T>(list: (T | null)[]) => [...new Set(list.filter((v): v is T => v !== null))];
  const personIds = wanted(input.rows.map((r) => r.personMatch?.id ?? null));
  const organisationIds = wanted(input.rows.map((r) => r.organisationMatch?.id ?? null));
  const livePeople = new Map(
    personIds.length === 0
      ? []
      : (
          await trx
            .selectFrom('people')
            .select(['id', 'first_name', 'last_name'])
            .where('id', 'in', personIds)
            .where('deleted_at', 'is', null)
            .execute()
        ).map((p) => [p.id, p]),
  );
  const liveOrganisations = new Map(
    organisationIds.length === 0
      ? []
      : (
          await trx
            .selectFrom('organisations')
            .select(['id', 'name', 'acronym'])
            .where('id', 'in', organisationIds)
            .where('deleted_at', 'is', null)
            .execute()
        ).map((o) => [o.id, o]),
  );

  const issues: FieldIssue[] = [];
  const rows: (CommitInput['rows'][number] & { index: number })[] = [];
  for (const [index, row] of input.rows.entries()) {
    if (row.action === 'skip') continue;
    const at = (field: string) => ['rows', index, field];
    const name = normaliseName(row.name);
    if (name === '') issues.push(issue(at('name'), 'errors.field.required'));
    else if (name.length > 200) issues.push(issue(at('name'), 'errors.field.tooLong', { max: 200 }));
    if (row.function && row.function.length > 300)
      issues.push(issue(at('function'), 'errors.field.tooLong', { max: 300 }));
    if (row.structure && row.structure.length > 300) {
      issues.push(issue(at('structure'), 'errors.field.tooLong', { max: 300 }));
    }
    if (row.action === 'match_invitee' && (!row.inviteeId || !invitees.has(row.inviteeId))) {
      issues.push(
        issueFr(
          at('inviteeId'),
          'errors.field.unknownInvitee',
          'Cette personne ne figure pas sur la liste des invités.',
        ),
      );
    }
    if (row.action === 'walk_in') {
      if (row.personMatch && !livePeople.has(row.personMatch.id)) {
        issues.push(issue(at('personMatch'), 'errors.field.unknownPerson'));
      }
      if (row.organisationMatch && !liveOrganisations.has(row.organisationMatch.id)) {
        issues.push(issue(at('organisationMatch'), 'errors.field.unknownOrganisation'));
      }
      if (row.email && (row.email.length > 200 || !EMAIL_PATTERN.test(row.email))) {
        issues.push(issue(at('email'), 'errors.field.invalidEmail'));
      }
      if (row.phone && row.phone.length > 60)
        issues.push(issue(at('phone'), 'errors.field.tooLong', { max: 60 }));
    }
    rows.push({ ...row, name, index });
  }
  const toCreate = new Map<string, string>();
  for (const [index, raw] of input.createOrganisations.entries()) {
    const name = normaliseName(raw);
    if (name === '') issues.push(issue(['createOrganisations', index], 'errors.field.required'));
    else if (!toCreate.has(structureKey(name))) toCreate.set(structureKey(name), name);
  }
  if (issues.length > 0) throw validationError(issues);

  // New organisations first, so that the walk-ins can point to them. A name the directory has
  // meanwhile learnt (or an acronym of an existing one) is not created twice.
  const created = new Map<string, string>();
  const context = await matchContext(trx, meeting.id);
  for (const [key, name] of toCreate) {
    const existing = findOrganisations(context, name);
    if (existing.length === 1 && existing[0]) {
      created.set(key, existing[0].id);
      continue;
    }
    const organisation = await createOrganisation(
      trx,
      OrganisationInputSchema.parse({ name, kind: 'other' }),
      actor,
    );
    created.set(key, organisation.id);
  }
  const organisationFor = (structure: string | null): string | null => {
    if (!structure) return null;
    for (const key of structureKeys(structure)) {
      const id = created.get(key);
      if (id) return id;
    }
    return null;
  };

  const at = nowIso();
  let present = 0;
  let walkIns = 0;
  const markPresent = async (inviteeId: string) => {
    const mark = {
      status: 'present' as const,
      representative_name: null,
      representative_function: null,
      representative_sex: null,
    };
    await upsertInviteeAttendance(trx, meeting.id, inviteeId, mark, at);
    present++;
  };

  const recordedPeople = new Set(context.walkInPeople);
  const recordedNames = context.walkInNames;
  for (const row of rows) {
    if (row.action === 'match_invitee' && row.inviteeId) {
      await markPresent(row.inviteeId);
      continue;
    }
    // A walk-in who turns out to be invited is marked present rather than counted twice.
    const personId = row.personMatch?.id ?? null;
    const invited = personId ? inviteeByPerson.get(personId) : undefined;
    if (invited) {
      await markPresent(invited);
      continue;
    }
    const key = nameKey(row.name);
    if ((personId && recordedPeople.has(personId)) || (!personId && recordedNames.has(key))) continue;
    // Names are only checked against earlier imports: two namesakes in one sheet are two people
    // (the preview already skipped true repeats).
    if (personId) recordedPeople.add(personId);
    const organisationId = row.organisationMatch?.id ?? organisationFor(row.structure);
    await insertWalkIn(
      trx,
      meeting.id,
      {
        person_id: personId,
        name: row.name,
        function: row.function,
        organisation_id: organisationId,
        organisation_label: row.structure,
        sex: row.sex,
        email: row.email,
        phone: row.phone,
      },
      at,
    );
    walkIns++;
  }

  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: meeting.id,
    action: 'update',
    actor,
    changes: { present: [null, present], walkIns: [null, walkIns], organisations: [null, toCreate.size] },
    summary:
      `Liste de participants importée : ${present} présence${present > 1 ? 's' : ''}, ` +
      `${walkIns} participant${walkIns > 1 ? 's' : ''} ajouté${walkIns > 1 ? 's' : ''}`,
  });
}
