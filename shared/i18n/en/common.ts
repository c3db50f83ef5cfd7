import type { Catalogue } from '../types';

export const common: Catalogue['common'] = {};
