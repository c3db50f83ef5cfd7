export const coverage = {
  title: 'Couverture',
} as const;
