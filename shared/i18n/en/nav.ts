import type { Catalogue } from '../types';

export const nav: Catalogue['nav'] = {};
