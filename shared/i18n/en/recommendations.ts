import type { Catalogue } from '../types';

export const recommendations: Catalogue['recommendations'] = {};
