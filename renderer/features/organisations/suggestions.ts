// Suggested labels for the free lists of an organisation. They come from the Bénin mapping
// survey and the humanitarian sectors of domain.md; users may type anything else. The stored
// value is the label in the language the user typed it in, as in the partners' own matrices.

export const DOMAIN_SUGGESTIONS = [
  'childProtection',
  'womenEmpowerment',
  'elderly',
  'disability',
  'safetyNets',
  'disasters',
  'microfinance',
  'health',
  'nutrition',
  'education',
  'wash',
  'foodSecurity',
  'protection',
  'socialProtection',
  'shelter',
  'earlyRecovery',
  'logistics',
  'campManagement',
  'gender',
  'governance',
] as const;

export const TARGET_GROUP_SUGGESTIONS = [
  'women',
  'girls',
  'children',
  'youth',
  'elderly',
  'disability',
  'vulnerableHouseholds',
  'idps',
  'refugees',
  'returnees',
  'hostCommunities',
  'disasterVictims',
] as const;
