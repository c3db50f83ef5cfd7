export const settings = {
  title: 'Paramètres',
  subtitle: 'Langue, pays, en-tête des documents et emplacement des données.',
  general: 'Langue et pays',
  language: {
    label: 'Langue de l’interface',
    hint: 'Le changement s’applique immédiatement et est enregistré.',
  },
  country: {
    label: 'Pays',
    hint: 'Ses territoires (régions, cercles, communes) sont chargés pour situer les instances.',
    loaded: 'Territoires chargés : {{country}}.',
  },
  meetings: {
    title: 'Réunions',
    timeZone: 'Fuseau horaire du secrétariat',
    timeZoneHint:
      'Les horaires des ordres du jour et des invitations (.ics) sont des heures locales de ce fuseau.',
    absenceThreshold: 'Seuil d’absences répétées',
    absenceThresholdHint: 'Un siège absent de ce nombre de sessions consécutives est signalé sur l’accueil.',
    referenceFormat: 'Format des références de recommandations',
    referenceFormatSave: 'Enregistrer le format',
    referenceFormatHint:
      '{SIGLE} sigle de l’instance, {AAAA} année, {MM} mois de la séance, {NN} numéro. Exemple : {{example}}',
  },
  heading: {
    title: 'En-tête administratif',
    hint: 'Il figure en tête des documents produits par Concerto (listes de membres, convocations…).',
    country: 'Pays (en-tête)',
    countryExample: 'République du Mali',
    motto: 'Devise',
    mottoExample: 'Un Peuple – Un But – Une Foi',
    ministry: 'Ministère',
    ministryExample: 'Ministère de la Santé et du Développement Social',
    service: 'Service',
    serviceExample: 'Direction Régionale du Développement Social de Koulikoro',
    preview: 'Aperçu de l’en-tête',
    previewEmpty: 'Renseignez au moins un champ pour voir l’aperçu.',
  },
  user: {
    title: 'Utilisateur',
    name: 'Votre nom',
    hint: 'Enregistré dans l’historique de chaque modification.',
  },
  data: {
    title: 'Emplacement des données',
    hint: 'Toutes les données restent sur cet ordinateur. Pensez à copier régulièrement le dossier des sauvegardes sur une clé USB.',
    database: 'Base de données',
    backups: 'Dossier des sauvegardes',
  },
} as const;
