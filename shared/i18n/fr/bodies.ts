export const bodies = {} as const;
