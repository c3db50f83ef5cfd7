import type { Catalogue } from '../types';
export const documents: Catalogue['documents'] = {
  title: 'Documents',
};
