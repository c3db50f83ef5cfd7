export const partners = {
  title: 'Partenaires',
} as const;
