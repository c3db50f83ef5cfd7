import { uuidv7 } from '../../../../shared/domain/ids';
import { implementationRate } from '../../../../shared/domain/recommendationStatus';
import type { RecommendationStatus } from '../../../../shared/domain/vocabularies';
import type { FieldIssue } from '../../../../shared/errors';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { AppError, validationError } from '../../errors';
import { issue } from '../bodies/validation';
import { recordHistory } from '../history/repository';
import { localToday } from '../meetings/repository';
import { setTrashed, type TrashSpec } from '../trash';
import { bodyRefs, chunks, loadRegisterRows, meetingRef } from './repository';

type Roadmap = OutputOf<'roadmaps.get'>;
type RoadmapSummary = OutputOf<'roadmaps.list'>[number];

// A feuille de route is a named list of register items (for a workshop, a mission) reviewed
// like the register itself, even years later: its rate is computed from the items' current state.

async function requireRoadmapRow(db: Db, id: string) {
  const row = await db.selectFrom('roadmaps').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      'Cette feuille de route est introuvable (elle a peut-être été supprimée).',
    );
  return row;
}

async function itemIds(db: Db, roadmapId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('roadmap_items')
    .select('recommendation_id')
    .where('roadmap_id', '=', roadmapId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.recommendation_id);
}

/** A roadmap with its live items in their order and its implementation rate. */
export async function loadRoadmap(db: Db, id: string, today = localToday()): Promise<Roadmap> {
  const row = await requireRoadmapRow(db, id);
  const items = await loadRegisterRows(db, await itemIds(db, id), { excludeTrashed: true, today });
  const bodies = row.body_id ? await bodyRefs(db, [row.body_id]) : new Map();
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    body: row.body_id ? (bodies.get(row.body_id) ?? { id: row.body_id, label: row.body_id }) : null,
    meeting: await meetingRef(db, row.meeting_id),
    items,
    rate: implementationRate(items, today),
    createdAt: row.created_at,
  };
}

/** Live roadmaps (of a body, when given), newest first, each with its rate. */
export async function listRoadmaps(
  db: Db,
  bodyId: string | undefined,
  today = localToday(),
): Promise<RoadmapSummary[]> {
  let query = db.selectFrom('roadmaps').selectAll().where('deleted_at', 'is', null);
  if (bodyId) query = query.where('body_id', '=', bodyId);
  const rows = await query.orderBy('created_at', 'desc').execute();
  if (rows.length === 0) return [];
  const items: { roadmap_id: string; status: string; due_date: string | null }[] = [];
  for (const part of chunks(rows.map((r) => r.id))) {
    items.push(
      ...(await db
        .selectFrom('roadmap_items')
        .innerJoin('recommendations', 'recommendations.id', 'roadmap_items.recommendation_id')
        .select(['roadmap_items.roadmap_id', 'recommendations.status', 'recommendations.due_date'])
        .where('roadmap_items.roadmap_id', 'in', part)
        .where('recommendations.deleted_at', 'is', null)
        .execute()),
    );
  }
  const bodies = await bodyRefs(
    db,
    rows.flatMap((r) => (r.body_id ? [r.body_id] : [])),
  );
  const out: RoadmapSummary[] = [];
  for (const row of rows) {
    const mine = items
      .filter((i) => i.roadmap_id === row.id)
      .map((i) => ({ dueDate: i.due_date, status: i.status as RecommendationStatus }));
    out.push({
      id: row.id,
      name: row.name,
      description: row.description,
      body: row.body_id ? (bodies.get(row.body_id) ?? { id: row.body_id, label: row.body_id }) : null,
      meeting: await meetingRef(db, row.meeting_id),
      rate: implementationRate(mine, today),
      createdAt: row.created_at,
    });
  }
  return out;
}

/** The given ids without repeats, every one a live recommendation (else a field issue). */
async function checkItems(db: Db, ids: readonly string[]): Promise<{ ids: string[]; issues: FieldIssue[] }> {
  const live = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('recommendations')
      .select('id')
      .where('id', 'in', part)
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of rows) live.add(r.id);
  }
  const issues: FieldIssue[] = [];
  const unique: string[] = [];
  for (const [index, id] of ids.entries()) {
    if (!live.has(id)) issues.push(issue(['recommendationIds', index], 'errors.field.invalidId'));
    else if (!unique.includes(id)) unique.push(id);
  }
  return { ids: unique, issues };
}

async function writeItems(trx: Db, roadmapId: string, ids: readonly string[]): Promise<void> {
  await trx.deleteFrom('roadmap_items').where('roadmap_id', '=', roadmapId).execute();
  for (const part of chunks(ids.map((id, position) => ({ id, position })))) {
    await trx
      .insertInto('roadmap_items')
      .values(part.map((p) => ({ roadmap_id: roadmapId, recommendation_id: p.id, position: p.position })))
      .execute();
  }
}

async function referencesOf(db: Db, ids: readonly string[]): Promise<string[]> {
  const rows = await loadRegisterRows(db, ids);
  return rows.map((r) => r.reference);
}

export async function createRoadmap(
  trx: Db,
  input: ParsedInputOf<'roadmaps.create'>,
  actor: string,
): Promise<Roadmap> {
  const { ids, issues } = await checkItems(trx, input.recommendationIds);
  if (input.bodyId !== null) {
    const body = await trx
      .selectFrom('bodies')
      .select('deleted_at')
      .where('id', '=', input.bodyId)
      .executeTakeFirst();
    if (!body || body.deleted_at !== null) issues.push(issue(['bodyId'], 'errors.field.unknownBody'));
  }
  if (input.meetingId !== null) {
    const meeting = await trx
      .selectFrom('meetings')
      .select('deleted_at')
      .where('id', '=', input.meetingId)
      .executeTakeFirst();
    if (!meeting || meeting.deleted_at !== null) issues.push(issue(['meetingId'], 'errors.field.invalidId'));
  }
  if (issues.length > 0) throw validationError(issues);
  const id = uuidv7();
  const at = nowIso();
  await trx
    .insertInto('roadmaps')
    .values({
      id,
      name: input.name,
      description: input.description,
      body_id: input.bodyId,
      meeting_id: input.meetingId,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await writeItems(trx, id, ids);
  await recordHistory(trx, {
    entityType: 'roadmap',
    entityId: id,
    action: 'create',
    actor,
    changes: ids.length > 0 ? { recommendationIds: [null, await referencesOf(trx, ids)] } : {},
    summary: input.name,
  });
  return loadRoadmap(trx, id);
}

/** Replaces the roadmap's items, in the order given. */
export async function setRoadmapItems(
  trx: Db,
  input: ParsedInputOf<'roadmaps.setItems'>,
  actor: string,
): Promise<Roadmap> {
  const row = await requireRoadmapRow(trx, input.id);
  if (row.deleted_at !== null) {
    throw new AppError(
      'INVALID_TRANSITION',
      'Cette feuille de route est dans la corbeille : restaurez-la avant de la modifier.',
    );
  }
  const { ids, issues } = await checkItems(trx, input.recommendationIds);
  if (issues.length > 0) throw validationError(issues);
  const before = await itemIds(trx, row.id);
  if (before.join() !== ids.join()) {
    const beforeRefs = await referencesOf(trx, before);
    await writeItems(trx, row.id, ids);
    await trx.updateTable('roadmaps').set({ updated_at: nowIso() }).where('id', '=', row.id).execute();
    await recordHistory(trx, {
      entityType: 'roadmap',
      entityId: row.id,
      action: 'update',
      actor,
      changes: { recommendationIds: [beforeRefs, await referencesOf(trx, ids)] },
      summary: row.name,
    });
  }
  return loadRoadmap(trx, row.id);
}

const roadmapTrash: TrashSpec<'roadmaps', { ok: true }> = {
  table: 'roadmaps',
  entityType: 'roadmap',
  load: requireRoadmapRow,
  toOutput: () => ({ ok: true }),
  summary: (row) => row.name,
  alreadyTrashed: 'Cette feuille de route est déjà dans la corbeille.',
  notTrashed: 'Cette feuille de route n’est pas dans la corbeille.',
};

export async function trashRoadmap(trx: Db, id: string, actor: string): Promise<{ ok: true }> {
  return setTrashed(trx, roadmapTrash, id, true, actor);
}
