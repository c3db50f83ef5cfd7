import type { Catalogue } from '../types';

export const planning: Catalogue['planning'] = {};
