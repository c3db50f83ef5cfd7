export const exports = {
  title: 'Journal des exports',
  subtitle: 'Ce que Concerto a produit : quand, par qui, où le fichier a été enregistré et pour qui.',
  kind: {
    document: 'Document',
    spreadsheet: 'Tableur',
    bundle: 'Dossier de séance (zip)',
    email: 'Courriel',
  },
  log: {
    loading: 'Chargement du journal…',
    emptyTitle: 'Aucun export pour le moment',
    emptyText:
      'Les documents, tableaux et courriels produits par Concerto apparaîtront ici, avec leur date, leur emplacement et leurs destinataires.',
    tableLabel: 'Exports réalisés',
    count_one: '{{count}} export',
    count_other: '{{count}} exports',
    latest: 'Les {{count}} exports les plus récents.',
    columns: {
      at: 'Date',
      label: 'Quoi',
      fileName: 'Nom du fichier',
      format: 'Format',
      folder: 'Emplacement',
      recipients: 'Pour qui',
      actor: 'Par',
      file: 'Fichier',
    },
    open: 'Ouvrir',
    missing: 'Fichier déplacé ou supprimé',
  },
  spreadsheet: {
    button: 'Exporter (xlsx)',
    created: 'Fichier {{fileName}} créé.',
  },
} as const;
