import type { Catalogue } from '../types';

export const exports: Catalogue['exports'] = {
  title: 'Export log',
  subtitle: 'What Concerto produced: when, by whom, where the file was saved and for whom.',
  kind: {
    document: 'Document',
    spreadsheet: 'Spreadsheet',
    bundle: 'Session bundle (zip)',
    email: 'Email',
  },
  log: {
    loading: 'Loading the log…',
    emptyTitle: 'No exports yet',
    emptyText:
      'The documents, spreadsheets and emails Concerto produces will appear here, with their date, location and recipients.',
    tableLabel: 'Exports made',
    count_one: '{{count}} export',
    count_other: '{{count}} exports',
    latest: 'The {{count}} most recent exports.',
    columns: {
      at: 'Date',
      label: 'What',
      fileName: 'File name',
      format: 'Format',
      folder: 'Location',
      recipients: 'For whom',
      actor: 'By',
      file: 'File',
    },
    open: 'Open',
    missing: 'File moved or deleted',
  },
  spreadsheet: {
    button: 'Export (xlsx)',
    created: 'File {{fileName}} created.',
  },
};
