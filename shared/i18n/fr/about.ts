export const about = {
  title: 'À propos de Concerto',
  version: 'Version {{version}}',
  schema: 'Version du schéma de la base de données : {{version}}',
  what: 'Concerto aide les secrétariats des cadres de concertation (commissions mixtes, groupes thématiques, CROCSAD, clusters…) à tenir le registre de leurs instances, des organisations membres et des personnes qui y siègent, avec l’historique de chaque changement.',
  offline: 'Il fonctionne hors ligne : toutes les données restent sur cet ordinateur.',
  dataTitle: 'Données de référence et crédits',
  dataHint:
    'Les territoires (régions, cercles, communes et leurs codes P) proviennent des sources suivantes.',
  noCredits: 'Aucune source de données n’est déclarée.',
  licence: 'Licence : {{licence}}',
  softwareTitle: 'Logiciels libres utilisés',
  software: 'Logiciel',
  licenceColumn: 'Licence',
} as const;
