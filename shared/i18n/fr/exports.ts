export const exports = {
  title: 'Journal des exports',
} as const;
