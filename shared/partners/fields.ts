// The fields of a 3W ("qui fait quoi où") row that Concerto understands, in the order the
// mapping screen lists them. A partner's columns are mapped onto these; unmapped columns are kept
// out. The recogniser (headers.ts) knows their French and English names and HXL tags.

export const THREE_W_FIELDS = [
  'organisationName',
  'organisationAcronym',
  'organisationKind',
  'role',
  'donor',
  'sector',
  'domain',
  'activity',
  'targetGroup',
  'adm1Name',
  'adm1Pcode',
  'adm2Name',
  'adm2Pcode',
  'adm3Name',
  'adm3Pcode',
  'status',
  'startDate',
  'endDate',
  'targetedWomen',
  'targetedMen',
  'targetedTotal',
  'reachedWomen',
  'reachedMen',
  'reachedTotal',
  'budget',
  'currency',
  'contact',
  'reportingDate',
] as const;
export type ThreeWField = (typeof THREE_W_FIELDS)[number];

/** A row cannot be imported without an organisation (name or acronym) and an activity or sector. */
export const REQUIRED_ONE_OF: readonly (readonly ThreeWField[])[] = [
  ['organisationName', 'organisationAcronym'],
  ['activity', 'sector'],
];
