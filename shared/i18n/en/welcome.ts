import type { Catalogue } from '../types';

export const welcome: Catalogue['welcome'] = {};
