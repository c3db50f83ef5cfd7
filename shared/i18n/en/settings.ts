import type { Catalogue } from '../types';

export const settings: Catalogue['settings'] = {};
