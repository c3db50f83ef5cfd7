import type { Catalogue } from '../types';

export const search: Catalogue['search'] = {
  title: 'Search',
  open: 'Search everywhere (Ctrl+K)',
  placeholder: 'Search for a body, an organisation, a person…',
  results: 'Search results',
  hint: 'Type a name, an acronym, a position or a place.',
  nothingFound: 'No results',
  kind: {
    body: 'Bodies',
    organisation: 'Organisations',
    person: 'People',
    territory: 'Territories',
  },
};
