import { join } from 'node:path';
import { type SelectQueryBuilder, sql } from 'kysely';
import { uuidv7 } from '../../../../shared/domain/ids';
import { nowIso } from '../../clock';
import type { BackendContext } from '../../context';
import { backupDatabase, fileStamp } from '../../db/backup';
import type { Db } from '../../db/open';
import type { Database } from '../../db/schema';
import { defineHandlers } from '../../rpc/router';
import { generateInvitees } from '../attendance/invitees';
import { markAttendance } from '../attendance/service';
import { addHolder, createBody, createSeat } from '../bodies/service';
import { captureFollowUpSnapshot } from '../followup/service';
import { localToday } from '../meetings/repository';
import { createMeeting, transitionMeeting } from '../meetings/service';
import { createOrganisation } from '../organisations/service';
import { createPerson } from '../people/service';
import { addRecommendationUpdate, createRecommendation } from '../recommendations';
import { transmitRecommendation } from '../recommendations/service';
import { ensureCountryLoaded, findTerritoryByPcode } from '../territories/service';
import { type DemoBody, demoDataset, demoMeetings, demoRecommendations } from './dataset';

export const demoHandlers = defineHandlers({
  'demo.status': async (_input, ctx) => demoStatus(ctx.db),
  'demo.load': async (_input, ctx) => {
    if ((await demoStatus(ctx.db)).loaded) return demoStatus(ctx.db);
    const actor = await ctx.actor();
    await ctx.db.transaction().execute((trx) => loadDemo(trx, ctx, actor));
    return demoStatus(ctx.db);
  },
  'demo.remove': async (_input, ctx) => {
    // Deleting for good is risky: whatever the user added around the demo is backed up first.
    await backupDatabase(ctx.sqlite, join(ctx.paths.backupsDir, `avant-retrait-demo-${fileStamp()}.sqlite`));
    await ctx.db.transaction().execute((trx) => removeDemo(trx));
    return demoStatus(ctx.db);
  },
});

async function demoStatus(db: Db) {
  const count = async (table: 'bodies' | 'organisations' | 'people') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('is_demo', '=', 1)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = {
    bodies: await count('bodies'),
    organisations: await count('organisations'),
    people: await count('people'),
  };
  return { loaded: counts.bodies + counts.organisations + counts.people > 0, counts };
}

/**
 * Builds the demonstration registry through the same services the screens use, in the caller's
 * transaction: either everything is loaded or nothing is.
 */
async function loadDemo(trx: Db, ctx: BackendContext, actor: string): Promise<void> {
  const data = demoDataset;
  const demo = { isDemo: true };
  for (const code of new Set(data.bodies.map((b) => b.countryCode))) {
    await ensureCountryLoaded(trx, ctx.paths.resourcesDir, code);
  }
  const territoryId = async (country: string, pcode?: string) =>
    pcode ? ((await findTerritoryByPcode(trx, country, pcode))?.id ?? null) : null;

  const organisationIds = new Map<string, string>();
  // Parents first, so that every parentKey resolves.
  const pending = [...data.organisations];
  while (pending.length > 0) {
    const index = pending.findIndex((o) => !o.parentKey || organisationIds.has(o.parentKey));
    const org = pending.splice(index === -1 ? 0 : index, 1)[0];
    if (!org) break;
    const zoneIds: string[] = [];
    for (const pcode of org.zonePcodes ?? []) {
      const id = await territoryId(org.countryCode, pcode);
      if (id) zoneIds.push(id);
    }
    const created = await createOrganisation(
      trx,
      {
        name: org.name,
        acronym: org.acronym ?? null,
        aliases: org.aliases ?? [],
        kind: org.kind,
        parentId: org.parentKey ? (organisationIds.get(org.parentKey) ?? null) : null,
        countryCode: org.countryCode,
        domains: org.domains ?? [],
        targetGroups: org.targetGroups ?? [],
        zoneIds,
        email: org.email ?? null,
        phone: org.phone ?? null,
        website: org.website ?? null,
        address: org.address ?? null,
        notes: null,
      },
      actor,
      demo,
    );
    organisationIds.set(org.key, created.id);
  }

  const personIds = new Map<string, string>();
  for (const p of data.people) {
    const created = await createPerson(
      trx,
      {
        firstName: p.firstName,
        lastName: p.lastName,
        title: p.title ?? null,
        function: p.function ?? null,
        organisationId: p.organisationKey ? (organisationIds.get(p.organisationKey) ?? null) : null,
        email: p.email ?? null,
        phone: p.phone ?? null,
        sex: p.sex,
        notes: null,
      },
      actor,
      demo,
    );
    personIds.set(p.key, created.id);
  }

  const bodyIds = new Map<string, string>();
  const bodies: DemoBody[] = [...data.bodies];
  while (bodies.length > 0) {
    const index = bodies.findIndex((b) => !b.parentKey || bodyIds.has(b.parentKey));
    const body = bodies.splice(index === -1 ? 0 : index, 1)[0];
    if (!body) break;
    const created = await createBody(
      trx,
      {
        name: body.name,
        acronym: body.acronym ?? null,
        kind: body.kind,
        level: body.level,
        countryCode: body.countryCode,
        territoryId: await territoryId(body.countryCode, body.territoryPcode),
        parentId: body.parentKey ? (bodyIds.get(body.parentKey) ?? null) : null,
        legalBasis: {
          kind: body.legalBasis?.kind ?? null,
          number: body.legalBasis?.number ?? null,
          date: body.legalBasis?.date ?? null,
          signatory: body.legalBasis?.signatory ?? null,
          title: body.legalBasis?.title ?? null,
        },
        mandate: body.mandate ?? null,
        secretariatOrganisationId: body.secretariatOrganisationKey
          ? (organisationIds.get(body.secretariatOrganisationKey) ?? null)
          : null,
        periodicity: body.periodicity,
        quorumRule: body.quorum,
        fundingSource: body.fundingSource ?? null,
        establishedOn: body.createdOn ?? null,
        links: [],
      },
      actor,
      demo,
    );
    bodyIds.set(body.key, created.id);
    for (const seat of body.seats) {
      const createdSeat = await createSeat(
        trx,
        created.id,
        {
          organisationId: seat.organisationKey ? (organisationIds.get(seat.organisationKey) ?? null) : null,
          function: seat.function,
          role: seat.role,
          rank: seat.rank ?? null,
          voting: seat.voting,
          notes: null,
        },
        actor,
      );
      for (const holder of seat.holders) {
        const personId = personIds.get(holder.personKey);
        if (!personId) continue;
        await addHolder(
          trx,
          createdSeat.id,
          { personId, from: holder.from, to: holder.to ?? null, note: holder.note ?? null },
          actor,
        );
      }
    }
  }

  // Links last: both ends exist now.
  const at = nowIso();
  for (const body of data.bodies) {
    for (const link of body.links ?? []) {
      const from = bodyIds.get(body.key);
      const to = bodyIds.get(link.targetKey);
      if (!from || !to) continue;
      await trx
        .insertInto('body_links')
        .values({
          id: uuidv7(),
          from_body_id: from,
          to_body_id: to,
          kind: link.kind,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  }

  await loadDemoMeetings(trx, bodyIds, actor);
  await loadDemoRecommendations(trx, bodyIds, organisationIds, actor);
}

/**
 * Demo sessions go through the meeting services (numbering, checks, history, status moves);
 * their agendas are written directly, with the standard items of an ordinary session.
 */
async function loadDemoMeetings(trx: Db, bodyIds: Map<string, string>, actor: string): Promise<void> {
  const today = localToday();
  for (const spec of demoMeetings(today)) {
    const bodyId = bodyIds.get(spec.bodyKey);
    if (!bodyId) continue;
    const meeting = await createMeeting(
      trx,
      {
        bodyId,
        cohostIds: (spec.cohostKeys ?? []).flatMap((key) => bodyIds.get(key) ?? []),
        number: null,
        title: spec.title ?? null,
        kind: spec.kind,
        plannedDate: spec.plannedDate ?? null,
        startDate: spec.startDate,
        endDate: spec.endDate ?? null,
        startTime: spec.startTime ?? null,
        endTime: spec.endTime ?? null,
        place: spec.place ?? null,
        onlineUrl: null,
        fundingSource: spec.fundingSource ?? null,
      },
      actor,
      { isDemo: true },
    );
    const at = nowIso();
    for (const [position, item] of (spec.agenda ?? []).entries()) {
      await trx
        .insertInto('agenda_entries')
        .values({
          id: uuidv7(),
          meeting_id: meeting.id,
          day: meeting.startDate,
          position,
          entry_type: 'item',
          kind: item.kind,
          title: item.title,
          start_time: item.startTime ?? null,
          end_time: item.endTime ?? null,
          responsible: JSON.stringify({ organisationIds: [], personIds: [], text: item.responsible ?? null }),
          documents: '[]',
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    if (spec.steps.some((step) => step.action === 'hold')) await takeDemoAttendance(trx, meeting.id, actor);
    for (const step of spec.steps) {
      await transitionMeeting(
        trx,
        {
          id: meeting.id,
          action: step.action,
          convenedOn: step.action === 'convene' ? step.convenedOn : null,
          newStartDate: null,
          newEndDate: null,
          reason: step.action === 'cancel' ? step.reason : null,
        },
        actor,
        { today },
      );
    }
  }
}

/**
 * Demo recommendations go through the register's services (references, checks, first update,
 * history), made at the demo sessions, then followed up and one transmitted up. The sessions
 * existed before them, so their follow-up snapshots are taken again once they exist.
 */
async function loadDemoRecommendations(
  trx: Db,
  bodyIds: Map<string, string>,
  organisationIds: Map<string, string>,
  actor: string,
): Promise<void> {
  const today = localToday();
  for (const spec of demoRecommendations(today)) {
    const bodyId = bodyIds.get(spec.bodyKey);
    if (!bodyId) continue;
    const meetingStarting = async (startDate: string | undefined): Promise<string | null> => {
      if (startDate === undefined) return null;
      const found = await trx
        .selectFrom('meetings')
        .select('id')
        .where('body_id', '=', bodyId)
        .where('start_date', '=', startDate)
        .where('is_demo', '=', 1)
        .executeTakeFirst();
      return found?.id ?? null;
    };
    const originMeetingId = await meetingStarting(spec.originMeetingStart);
    const made = await createRecommendation(
      trx,
      {
        bodyId,
        kind: spec.kind ?? 'recommendation',
        reference: null,
        text: spec.text,
        theme: spec.theme ?? null,
        originKind: originMeetingId === null ? 'direct' : spec.originKind,
        originMeetingId,
        originAgendaEntryId: null,
        originWorkingGroupId: null,
        leadOrganisationId: spec.leadOrganisationKey
          ? (organisationIds.get(spec.leadOrganisationKey) ?? null)
          : null,
        associatedOrganisationIds: (spec.associatedOrganisationKeys ?? []).flatMap(
          (key) => organisationIds.get(key) ?? [],
        ),
        personId: null,
        targetLevel: null,
        targetTerritoryId: null,
        dueDate: spec.dueDate,
        priority: spec.priority ?? 'normal',
      },
      actor,
      { isDemo: true },
    );
    for (const update of spec.updates ?? []) {
      const meetingId = await meetingStarting(update.atMeetingStart);
      await addRecommendationUpdate(
        trx,
        {
          id: made.id,
          date: update.date,
          status: update.status,
          progress: update.progress ?? null,
          comment: update.comment ?? null,
          actionsTaken: update.actionsTaken ?? null,
          source: meetingId === null ? 'follow_up_sheet' : 'meeting',
          meetingId,
        },
        actor,
      );
    }
    const toBodyId = spec.transmitToKey ? bodyIds.get(spec.transmitToKey) : undefined;
    if (toBodyId) await transmitRecommendation(trx, { id: made.id, toBodyId }, actor);
  }

  const sessions = await trx
    .selectFrom('meetings')
    .select('id')
    .where('is_demo', '=', 1)
    .where('status', '!=', 'cancelled')
    .execute();
  for (const session of sessions) await captureFollowUpSnapshot(trx, session.id);
}

/**
 * A believable attendance sheet for a held demo session: most members present, one excused, one
 * represented, and the last seat absent every time — the seeds' chronically absent focal point,
 * which the dashboard then flags.
 */
async function takeDemoAttendance(trx: Db, meetingId: string, actor: string): Promise<void> {
  const invitees = await generateInvitees(trx, meetingId, actor);
  for (const [index, invitee] of invitees.entries()) {
    const last = index === invitees.length - 1;
    const status = last
      ? 'absent'
      : index % 5 === 3
        ? 'excused'
        : index % 5 === 4
          ? 'represented'
          : 'present';
    await markAttendance(trx, {
      meetingId,
      inviteeId: invitee.id,
      status,
      representativeName: status === 'represented' ? 'Représentant(e) désigné(e)' : null,
      representativeFunction: status === 'represented' ? 'Chargé(e) de programme' : null,
      representativeSex: null,
    });
  }
}

/**
 * Deletes every demonstration record for good (this is not the trash). Records the user created
 * keep working: their references to demo records are cleared rather than deleted.
 */
async function removeDemo(trx: Db): Promise<void> {
  const demoBodies = trx.selectFrom('bodies').select('id').where('is_demo', '=', 1);
  const demoOrgs = trx.selectFrom('organisations').select('id').where('is_demo', '=', 1);
  const demoPeople = trx.selectFrom('people').select('id').where('is_demo', '=', 1);
  const demoSeats = trx.selectFrom('seats').select('id').where('body_id', 'in', demoBodies);

  await removeDemoMeetings(trx);

  await trx
    .deleteFrom('seat_holders')
    .where((eb) => eb.or([eb('seat_id', 'in', demoSeats), eb('person_id', 'in', demoPeople)]))
    .execute();
  await trx.deleteFrom('seats').where('body_id', 'in', demoBodies).execute();
  await trx
    .updateTable('seats')
    .set({ organisation_id: null })
    .where('organisation_id', 'in', demoOrgs)
    .execute();
  await trx
    .deleteFrom('body_links')
    .where((eb) => eb.or([eb('from_body_id', 'in', demoBodies), eb('to_body_id', 'in', demoBodies)]))
    .execute();
  await trx.updateTable('bodies').set({ parent_id: null }).where('parent_id', 'in', demoBodies).execute();
  await trx
    .updateTable('bodies')
    .set({ secretariat_organisation_id: null })
    .where('secretariat_organisation_id', 'in', demoOrgs)
    .execute();
  await trx
    .updateTable('people')
    .set({ organisation_id: null })
    .where('organisation_id', 'in', demoOrgs)
    .execute();
  await trx
    .updateTable('organisations')
    .set({ parent_id: null })
    .where('parent_id', 'in', demoOrgs)
    .execute();

  await sql`DELETE FROM history WHERE (entity_type = 'body' AND entity_id IN (SELECT id FROM bodies WHERE is_demo = 1))
    OR (entity_type = 'organisation' AND entity_id IN (SELECT id FROM organisations WHERE is_demo = 1))
    OR (entity_type = 'person' AND entity_id IN (SELECT id FROM people WHERE is_demo = 1))`.execute(trx);
  await trx.deleteFrom('bodies').where('is_demo', '=', 1).execute();
  await trx.deleteFrom('people').where('is_demo', '=', 1).execute();
  await trx.deleteFrom('organisations').where('is_demo', '=', 1).execute();
}

/**
 * Demo meetings go with everything attached to them, and so do meetings a user added to a demo
 * body (they cannot outlive their body). The user's other meetings stay: they lose their demo
 * co-hosts, and their invitees and attendance keep the names but no longer point to demo
 * seats, people or organisations.
 */
async function removeDemoMeetings(trx: Db): Promise<void> {
  const demoBodies = trx.selectFrom('bodies').select('id').where('is_demo', '=', 1);
  const demoOrgs = trx.selectFrom('organisations').select('id').where('is_demo', '=', 1);
  const demoPeople = trx.selectFrom('people').select('id').where('is_demo', '=', 1);
  const demoSeats = trx.selectFrom('seats').select('id').where('body_id', 'in', demoBodies);
  // Evaluated by each statement below, until the meetings themselves are deleted last.
  const doomed = trx
    .selectFrom('meetings')
    .select('id')
    .where((eb) => eb.or([eb('is_demo', '=', 1), eb('body_id', 'in', demoBodies)]));

  await removeDemoRecommendations(trx, doomed);
  await removeDemoMinutes(trx, doomed);
  await trx.deleteFrom('attendance').where('meeting_id', 'in', doomed).execute();
  await trx.deleteFrom('attendance_counts').where('meeting_id', 'in', doomed).execute();
  await trx.deleteFrom('invitees').where('meeting_id', 'in', doomed).execute();
  await trx.deleteFrom('agenda_entries').where('meeting_id', 'in', doomed).execute();
  await trx
    .deleteFrom('meeting_cohosts')
    .where((eb) => eb.or([eb('meeting_id', 'in', doomed), eb('body_id', 'in', demoBodies)]))
    .execute();
  await trx
    .deleteFrom('history')
    .where('entity_type', '=', 'meeting')
    .where('entity_id', 'in', doomed)
    .execute();

  await trx.updateTable('invitees').set({ seat_id: null }).where('seat_id', 'in', demoSeats).execute();
  for (const table of ['invitees', 'attendance'] as const) {
    await trx.updateTable(table).set({ person_id: null }).where('person_id', 'in', demoPeople).execute();
    await trx
      .updateTable(table)
      .set({ organisation_id: null })
      .where('organisation_id', 'in', demoOrgs)
      .execute();
  }
  await trx
    .updateTable('attendance_counts')
    .set({ organisation_id: null })
    .where('organisation_id', 'in', demoOrgs)
    .execute();

  await trx.deleteFrom('meetings').where('id', 'in', doomed).execute();
}

/** The meetings demo removal deletes: a subquery, evaluated afresh by each statement. */
type DoomedMeetings = SelectQueryBuilder<Database, 'meetings', { id: string }>;

/**
 * Demo recommendations go with their updates, associates, snapshots, roadmap entries, full-text
 * rows (by trigger) and history; so do those a user added to a demo body (they cannot outlive
 * it). The user's other recommendations stay: they lose their demo lead, associates, person,
 * origin session and the trail to a demo original; their updates made at a demo session keep
 * the date but no longer point to it. The user's roadmaps stay, without a demo body or session.
 */
async function removeDemoRecommendations(trx: Db, doomedMeetings: DoomedMeetings): Promise<void> {
  const demoBodies = trx.selectFrom('bodies').select('id').where('is_demo', '=', 1);
  const demoOrgs = trx.selectFrom('organisations').select('id').where('is_demo', '=', 1);
  const demoPeople = trx.selectFrom('people').select('id').where('is_demo', '=', 1);
  const doomedGroups = trx
    .selectFrom('working_groups')
    .select('id')
    .where('meeting_id', 'in', doomedMeetings);
  const doomed = trx
    .selectFrom('recommendations')
    .select('id')
    .where((eb) => eb.or([eb('is_demo', '=', 1), eb('body_id', 'in', demoBodies)]));

  await trx.deleteFrom('recommendation_updates').where('recommendation_id', 'in', doomed).execute();
  await trx
    .deleteFrom('recommendation_associates')
    .where((eb) => eb.or([eb('recommendation_id', 'in', doomed), eb('organisation_id', 'in', demoOrgs)]))
    .execute();
  await trx
    .deleteFrom('follow_up_snapshots')
    .where((eb) => eb.or([eb('recommendation_id', 'in', doomed), eb('meeting_id', 'in', doomedMeetings)]))
    .execute();
  await trx.deleteFrom('roadmap_items').where('recommendation_id', 'in', doomed).execute();
  await trx
    .deleteFrom('history')
    .where('entity_type', '=', 'recommendation')
    .where('entity_id', 'in', doomed)
    .execute();

  await trx
    .updateTable('recommendations')
    .set({ transmitted_from_id: null })
    .where('transmitted_from_id', 'in', doomed)
    .where('id', 'not in', doomed)
    .execute();
  await trx
    .updateTable('recommendations')
    .set({ lead_organisation_id: null })
    .where('lead_organisation_id', 'in', demoOrgs)
    .execute();
  await trx
    .updateTable('recommendations')
    .set({ person_id: null })
    .where('person_id', 'in', demoPeople)
    .execute();
  await trx
    .updateTable('recommendations')
    .set({ origin_meeting_id: null, origin_agenda_entry_id: null, origin_working_group_id: null })
    .where((eb) =>
      eb.or([
        eb('origin_meeting_id', 'in', doomedMeetings),
        eb('origin_working_group_id', 'in', doomedGroups),
      ]),
    )
    .execute();
  await trx
    .updateTable('recommendation_updates')
    .set({ meeting_id: null })
    .where('meeting_id', 'in', doomedMeetings)
    .execute();
  await trx.updateTable('roadmaps').set({ body_id: null }).where('body_id', 'in', demoBodies).execute();
  await trx
    .updateTable('roadmaps')
    .set({ meeting_id: null })
    .where('meeting_id', 'in', doomedMeetings)
    .execute();

  await trx.deleteFrom('recommendations').where('id', 'in', doomed).execute();
}

/**
 * Minutes (with their versions and history) and working groups of the meetings being removed.
 * The user's minutes stay, no longer naming a demo rapporteur or a demo session of adoption.
 */
async function removeDemoMinutes(trx: Db, doomedMeetings: DoomedMeetings): Promise<void> {
  const demoPeople = trx.selectFrom('people').select('id').where('is_demo', '=', 1);
  const doomedMinutes = trx.selectFrom('minutes').select('id').where('meeting_id', 'in', doomedMeetings);

  await trx.deleteFrom('minutes_versions').where('minutes_id', 'in', doomedMinutes).execute();
  await trx
    .deleteFrom('history')
    .where('entity_type', '=', 'minutes')
    .where('entity_id', 'in', doomedMinutes)
    .execute();
  await trx.deleteFrom('minutes').where('meeting_id', 'in', doomedMeetings).execute();
  await trx.deleteFrom('working_groups').where('meeting_id', 'in', doomedMeetings).execute();
  await trx
    .updateTable('minutes')
    .set({ adopted_at_meeting_id: null })
    .where('adopted_at_meeting_id', 'in', doomedMeetings)
    .execute();
  await trx
    .updateTable('minutes')
    .set({ rapporteur_person_id: null })
    .where('rapporteur_person_id', 'in', demoPeople)
    .execute();
}
