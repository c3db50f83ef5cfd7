import type { Catalogue } from '../types';

export const partners: Catalogue['partners'] = {
  title: 'Partners',
};
