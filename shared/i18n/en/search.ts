import type { Catalogue } from '../types';

export const search: Catalogue['search'] = {};
