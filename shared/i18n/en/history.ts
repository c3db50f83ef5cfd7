import type { Catalogue } from '../types';

export const history: Catalogue['history'] = {};
