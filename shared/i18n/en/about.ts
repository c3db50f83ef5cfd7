import type { Catalogue } from '../types';

export const about: Catalogue['about'] = {
  title: 'About Concerto',
  version: 'Version {{version}}',
  schema: 'Database schema version: {{version}}',
  what: 'Concerto helps the secretariats of coordination bodies (joint commissions, thematic groups, CROCSAD, clusters…) keep the register of their bodies, member organisations and the people who sit on them, with the history of every change.',
  offline: 'It works offline: all data stays on this computer.',
  dataTitle: 'Reference data and credits',
  dataHint:
    'Territories (regions, districts, municipalities and their P-codes) come from the following sources.',
  noCredits: 'No data source is declared.',
  licence: 'Licence: {{licence}}',
  softwareTitle: 'Open-source software used',
  software: 'Software',
  licenceColumn: 'Licence',
};
