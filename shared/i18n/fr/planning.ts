export const planning = {} as const;
