import type { Catalogue } from '../types';

export const people: Catalogue['people'] = {};
