import type { Catalogue } from '../types';

export const meetings: Catalogue['meetings'] = {};
