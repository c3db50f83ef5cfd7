import type { Catalogue } from '../types';

export const settings: Catalogue['settings'] = {
  title: 'Settings',
  subtitle: 'Language, country, document heading and data location.',
  general: 'Language and country',
  language: {
    label: 'Interface language',
    hint: 'The change applies immediately and is saved.',
  },
  country: {
    label: 'Country',
    hint: 'Its territories (regions, districts, municipalities) are loaded to locate the bodies.',
    loaded: 'Territories loaded: {{country}}.',
  },
  meetings: {
    title: 'Meetings',
    timeZone: 'Secretariat time zone',
    timeZoneHint: 'Agenda and invitation (.ics) times are local times of this zone.',
    absenceThreshold: 'Repeated-absence threshold',
    absenceThresholdHint: 'A seat absent from this many consecutive sessions is flagged on the home page.',
    referenceFormat: 'Recommendation reference format',
    referenceFormatSave: 'Save the format',
    referenceFormatHint:
      '{SIGLE} body acronym, {AAAA} year, {MM} month of the session, {NN} number. Example: {{example}}',
  },
  heading: {
    title: 'Administrative heading',
    hint: 'It heads the documents Concerto produces (member lists, invitations…).',
    country: 'Country (heading)',
    countryExample: 'République du Mali',
    motto: 'Motto',
    mottoExample: 'Un Peuple – Un But – Une Foi',
    ministry: 'Ministry',
    ministryExample: 'Ministère de la Santé et du Développement Social',
    service: 'Department',
    serviceExample: 'Direction Régionale du Développement Social de Koulikoro',
    preview: 'Heading preview',
    previewEmpty: 'Fill in at least one field to see the preview.',
  },
  user: {
    title: 'User',
    name: 'Your name',
    hint: 'Recorded in the history of every change.',
  },
  data: {
    title: 'Data location',
    hint: 'All data stays on this computer. Remember to copy the backups folder to a USB stick regularly.',
    database: 'Database',
    backups: 'Backups folder',
  },
};
