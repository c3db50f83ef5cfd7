import type { Catalogue } from '../types';

export const welcome: Catalogue['welcome'] = {
  title: 'Welcome to Concerto',
  intro:
    'Concerto keeps the register of the coordination bodies your secretariat runs: bodies, member organisations, people and seats, with the history of every change. It works entirely offline, on this computer.',
  country: 'Country',
  countryHint: 'Its regions, districts and municipalities will be loaded to locate the bodies.',
  countryPlaceholder: 'Choose the country',
  countryRequired: 'Choose the country to continue.',
  userName: 'Your name',
  userNameHint: 'Recorded in the history of every change.',
  loadDemo: 'Load the demonstration data',
  loadDemoHint:
    'Fictitious bodies, organisations and people, clearly marked, to discover Concerto. You can remove them in one click.',
  startEmpty: 'Start with an empty database',
  ready: 'Concerto is ready. Start by creating a body.',
  home: {
    greeting: 'Welcome',
    greetingNamed: 'Hello, {{name}}',
    subtitle: 'The register of your coordination bodies.',
    activeBodies: 'Active bodies',
    organisations: 'Organisations',
    people: 'People',
    newBody: 'New body',
    newOrganisation: 'New organisation',
    newPerson: 'New person',
    recentBodies: 'Recently edited bodies',
    allBodies: 'See all bodies',
    noBodiesTitle: 'No bodies yet',
    noBodiesText: 'Create the first body (joint commission, thematic group, CROCSAD…) to start the register.',
  },
};
