import { z } from 'zod';
import { HistoryActionSchema, RefSchema } from './common';
import { query } from './define';

export const ENTITY_TYPES = [
  'body',
  'organisation',
  'person',
  'territory',
  'settings',
  'meeting',
  'minutes',
  'recommendation',
  'roadmap',
  'convention',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const HistoryEntrySchema = z.object({
  id: z.string(),
  entityType: z.enum(ENTITY_TYPES),
  entityId: z.string(),
  action: HistoryActionSchema,
  actor: z.string(),
  at: z.string(),
  /** field → [before, after] */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  summary: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const TrashItemSchema = z.object({
  kind: z.enum(['body', 'organisation', 'person', 'meeting', 'recommendation']),
  item: RefSchema,
  deletedAt: z.string(),
});

export const historyContract = {
  'history.forEntity': query(
    z.object({ entityType: z.enum(ENTITY_TYPES), entityId: z.string().max(64) }),
    z.array(HistoryEntrySchema),
  ),
  'trash.list': query(z.object({}), z.array(TrashItemSchema)),
};
