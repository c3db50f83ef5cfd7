import type { Catalogue } from '../types';

export const agenda: Catalogue['agenda'] = {};
