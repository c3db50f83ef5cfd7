import type { Catalogue } from '../types';

export const bodies: Catalogue['bodies'] = {};
