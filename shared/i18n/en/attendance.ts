import type { Catalogue } from '../types';

export const attendance: Catalogue['attendance'] = {};
