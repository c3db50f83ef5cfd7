import type { Catalogue } from '../types';

export const coverage: Catalogue['coverage'] = {
  title: 'Coverage',
};
