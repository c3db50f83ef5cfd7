import type { Catalogue } from '../types';
export const exports: Catalogue['exports'] = {
  title: 'Export log',
};
