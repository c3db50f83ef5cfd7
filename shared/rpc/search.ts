import { z } from 'zod';
import { query } from './define';

export const SEARCH_KINDS = ['body', 'organisation', 'person', 'territory'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const searchContract = {
  'search.query': query(
    z.object({
      text: z.string().max(200),
      kinds: z.array(z.enum(SEARCH_KINDS)).optional(),
      limit: z.number().int().min(1).max(100).default(30),
    }),
    z.array(SearchHitSchema),
  ),
};
