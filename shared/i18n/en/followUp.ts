import type { Catalogue } from '../types';

export const followUp: Catalogue['followUp'] = {};
