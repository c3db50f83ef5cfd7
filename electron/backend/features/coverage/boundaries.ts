import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountryCode } from '../../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../../shared/rpc';
import { AppError } from '../../errors';

// Simplified boundaries shipped in resources/territories/<CC>_adm<level>.geojson (from
// shared/reference/territories, credits in credits.json): features keyed by P-code, drawn
// without online tiles. Read once per file and kept: they are small and never change.

export type BoundaryFeature = OutputOf<'coverage.boundaries'>[number];

const cache = new Map<string, BoundaryFeature[]>();

interface RawFeature {
  properties?: { pcode?: unknown; name?: unknown } | null;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

export function readBoundaries(resourcesDir: string, country: CountryCode, level: 1 | 2): BoundaryFeature[] {
  const path = join(resourcesDir, 'territories', `${country}_adm${level}.geojson`);
  const cached = cache.get(path);
  if (cached) return cached;
  // No file for this country and level (no admin-2 polygons for Bénin…): no map, not an error.
  if (!existsSync(path)) return [];
  let parsed: { features?: RawFeature[] };
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as { features?: RawFeature[] };
  } catch {
    throw new AppError('IO', 'Le fond de carte livré avec Concerto est illisible.');
  }
  const features = (parsed.features ?? []).flatMap((f): BoundaryFeature[] => {
    const pcode = f.properties?.pcode;
    const name = f.properties?.name;
    const type = f.geometry?.type;
    const coordinates = f.geometry?.coordinates;
    if (typeof pcode !== 'string' || typeof name !== 'string' || !Array.isArray(coordinates)) return [];
    if (type !== 'Polygon' && type !== 'MultiPolygon') return [];
    return [{ pcode, name, geometry: { type, coordinates } }];
  });
  cache.set(path, features);
  return features;
}
