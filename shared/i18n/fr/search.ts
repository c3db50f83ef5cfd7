export const search = {
  title: 'Rechercher',
  open: 'Rechercher partout (Ctrl+K)',
  placeholder: 'Rechercher une instance, une organisation, une personne…',
  results: 'Résultats de la recherche',
  hint: 'Tapez un nom, un sigle, une fonction ou un lieu.',
  nothingFound: 'Aucun résultat',
  kind: {
    body: 'Instances',
    organisation: 'Organisations',
    person: 'Personnes',
    territory: 'Territoires',
  },
} as const;
