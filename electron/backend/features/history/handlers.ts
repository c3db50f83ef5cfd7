import { defineHandlers } from '../../rpc/router';
import { listMeetings } from '../meetings/repository';
import { listHistory } from './repository';

export const historyHandlers = defineHandlers({
  'history.forEntity': async ({ entityType, entityId }, ctx) => listHistory(ctx.db, entityType, entityId),
  'trash.list': async (_input, ctx) => {
    const [bodies, organisations, people, meetings, recommendations] = await Promise.all([
      ctx.db
        .selectFrom('bodies')
        .select(['id', 'name', 'acronym', 'deleted_at'])
        .where('deleted_at', 'is not', null)
        .execute(),
      ctx.db
        .selectFrom('organisations')
        .select(['id', 'name', 'acronym', 'deleted_at'])
        .where('deleted_at', 'is not', null)
        .execute(),
      ctx.db
        .selectFrom('people')
        .select(['id', 'first_name', 'last_name', 'deleted_at'])
        .where('deleted_at', 'is not', null)
        .execute(),
      ctx.db
        .selectFrom('meetings')
        .select(['id', 'deleted_at'])
        .where('deleted_at', 'is not', null)
        .execute(),
      ctx.db
        .selectFrom('recommendations')
        .select(['id', 'reference', 'text', 'deleted_at'])
        .where('deleted_at', 'is not', null)
        .execute(),
    ]);
    // Meetings are labelled the way their list labels them ("GTGPS — Ordinaire n°3 du …").
    const meetingLabels = new Map(
      meetings.length > 0
        ? (await listMeetings(ctx.db, { trashed: true })).map((m) => [m.id, meetingListLabel(m)] as const)
        : [],
    );
    const label = (name: string, acronym: string | null) => (acronym ? `${name} (${acronym})` : name);
    return [
      ...bodies.map((b) => ({
        kind: 'body' as const,
        item: { id: b.id, label: label(b.name, b.acronym) },
        deletedAt: b.deleted_at ?? '',
      })),
      ...organisations.map((o) => ({
        kind: 'organisation' as const,
        item: { id: o.id, label: label(o.name, o.acronym) },
        deletedAt: o.deleted_at ?? '',
      })),
      ...people.map((p) => ({
        kind: 'person' as const,
        item: { id: p.id, label: `${p.first_name} ${p.last_name}`.trim() },
        deletedAt: p.deleted_at ?? '',
      })),
      ...meetings.map((m) => ({
        kind: 'meeting' as const,
        item: { id: m.id, label: meetingLabels.get(m.id) ?? m.id },
        deletedAt: m.deleted_at ?? '',
      })),
      // A recommendation is known by its reference, then the start of its text.
      ...recommendations.map((r) => ({
        kind: 'recommendation' as const,
        item: { id: r.id, label: `${r.reference} — ${excerpt(r.text, 80)}` },
        deletedAt: r.deleted_at ?? '',
      })),
    ].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  },
});

function meetingListLabel(m: { body: { label: string }; number: number | null; startDate: string }): string {
  return `${m.body.label}${m.number ? ` — n°${m.number}` : ''} (${m.startDate})`;
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
