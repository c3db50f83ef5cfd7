import type { Catalogue } from '../types';

export const organisations: Catalogue['organisations'] = {};
