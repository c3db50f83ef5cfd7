import type { Catalogue } from '../types';

export const nav: Catalogue['nav'] = {
  label: 'Main navigation',
  home: 'Home',
  bodies: 'Bodies',
  calendar: 'Calendar',
  meetings: 'Meetings',
  regularity: 'Regularity',
  recommendations: 'Recommendations',
  roadmaps: 'Roadmaps',
  organisations: 'Organisations',
  people: 'People',
  territories: 'Territories',
  exports: 'Export log',
  trash: 'Trash',
  settings: 'Settings',
  about: 'About',
  search: 'Search…',
  searchShortcut: 'Ctrl+K',
  searchShortcutMac: '⌘K',
  toggleMenu: 'Show or hide the menu',
};
