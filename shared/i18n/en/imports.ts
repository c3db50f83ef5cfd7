import type { Catalogue } from '../types';

export const imports: Catalogue['imports'] = {
  title: 'Imports',
};
