import type { Catalogue } from '../types';

export const about: Catalogue['about'] = {};
