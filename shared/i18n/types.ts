import type { fr } from './fr';

/** Turns the French catalogue's literal strings into plain strings, keeping its shape. */
type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

/** Every language must provide exactly the keys of the French catalogue. */
export type Catalogue = Widen<typeof fr>;
