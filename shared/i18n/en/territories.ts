import type { Catalogue } from '../types';

export const territories: Catalogue['territories'] = {};
