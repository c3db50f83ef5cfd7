import type { Catalogue } from '../types';

export const minutes: Catalogue['minutes'] = {};
