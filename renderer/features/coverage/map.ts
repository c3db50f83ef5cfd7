// Drawing the country without tiles: GeoJSON rings projected with a plain equirectangular
// projection, corrected by cos(latitude) at the middle of the country so that shapes are not
// stretched east–west (enough for a country the size of Mali; no projection library needed).

export type Position = readonly [number, number];
export type Ring = readonly Position[];

export interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: readonly unknown[];
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number'
  );
}

function toRing(value: unknown): Ring | null {
  if (!Array.isArray(value)) return null;
  const ring = value.filter(isPosition).map((p) => [p[0], p[1]] as const);
  return ring.length >= 3 ? ring : null;
}

/** The rings of a Polygon or MultiPolygon; anything malformed is skipped, never thrown. */
export function ringsOf(geometry: Geometry): Ring[] {
  const polygons: unknown[] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : [...geometry.coordinates];
  const rings: Ring[] = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) continue;
    for (const candidate of polygon) {
      const ring = toRing(candidate);
      if (ring) rings.push(ring);
    }
  }
  return rings;
}

export interface Projection {
  width: number;
  height: number;
  project(p: Position): [number, number];
}

/** Fits every ring into a box `width` wide (the height follows the country's shape). */
export function fitProjection(rings: readonly Ring[], width = 800, padding = 8): Projection {
  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  if (!Number.isFinite(minLon)) return { width, height: width / 2, project: () => [0, 0] };
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = (width - 2 * padding) / spanX;
  const height = Math.ceil(spanY * scale + 2 * padding);
  return {
    width,
    height,
    project: ([lon, lat]) => [padding + (lon - minLon) * k * scale, padding + (maxLat - lat) * scale],
  };
}

/** The SVG path of some rings: one closed subpath per ring (holes drawn with evenodd fill). */
export function pathOf(rings: readonly Ring[], projection: Projection): string {
  return rings
    .map((ring) => {
      const points = ring.map((p) => {
        const [x, y] = projection.project(p);
        return `${x.toFixed(1)},${y.toFixed(1)}`;
      });
      return `M${points.join('L')}Z`;
    })
    .join('');
}

/** Light to dark blue: a sequential scale readable when printed in grey. */
export const SCALE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const NO_DATA = '#f1f3f5';

export interface ScaleClass {
  from: number;
  to: number;
  color: string;
}

/** Up to five classes of equal width between 1 and the largest value (small counts get one class each). */
export function scaleClasses(max: number): ScaleClass[] {
  if (max < 1) return [];
  const steps = Math.min(SCALE.length, max);
  const width = max / steps;
  const classes: ScaleClass[] = [];
  let from = 1;
  for (let i = 0; i < steps; i++) {
    const to = i === steps - 1 ? max : Math.max(from, Math.round(width * (i + 1)));
    classes.push({
      from,
      to,
      color: SCALE[Math.round((i * (SCALE.length - 1)) / Math.max(1, steps - 1))] ?? '#08519c',
    });
    from = to + 1;
    if (from > max) break;
  }
  return classes;
}

export function colorOf(value: number, classes: readonly ScaleClass[]): string {
  if (value <= 0) return NO_DATA;
  return classes.find((c) => value >= c.from && value <= c.to)?.color ?? classes.at(-1)?.color ?? NO_DATA;
}
