export const welcome = {
  title: 'Bienvenue dans Concerto',
  intro:
    'Concerto tient le registre des cadres de concertation de votre secrétariat : instances, organisations membres, personnes et sièges, avec l’historique de chaque changement. Il fonctionne entièrement hors ligne, sur cet ordinateur.',
  country: 'Pays',
  countryHint: 'Ses régions, cercles et communes seront chargés pour situer les instances.',
  countryPlaceholder: 'Choisir le pays',
  countryRequired: 'Choisissez le pays pour continuer.',
  userName: 'Votre nom',
  userNameHint: 'Enregistré dans l’historique de chaque modification.',
  loadDemo: 'Charger les données de démonstration',
  loadDemoHint:
    'Des instances, organisations et personnes fictives, clairement signalées, pour découvrir Concerto. Vous pourrez les retirer en un clic.',
  startEmpty: 'Commencer avec une base vide',
  ready: 'Concerto est prêt. Commencez par créer une instance.',
  home: {
    greeting: 'Bienvenue',
    greetingNamed: 'Bonjour, {{name}}',
    subtitle: 'Le registre de vos cadres de concertation.',
    activeBodies: 'Instances actives',
    organisations: 'Organisations',
    people: 'Personnes',
    newBody: 'Nouvelle instance',
    newOrganisation: 'Nouvelle organisation',
    newPerson: 'Nouvelle personne',
    recentBodies: 'Instances récemment modifiées',
    allBodies: 'Voir toutes les instances',
    noBodiesTitle: 'Aucune instance pour l’instant',
    noBodiesText:
      'Créez la première instance (commission, groupe thématique, CROCSAD…) pour commencer le registre.',
  },
} as const;
