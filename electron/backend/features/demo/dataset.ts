import { addDays } from '../../../../shared/domain/dates';
import { type Periodicity, plannedSessionDates } from '../../../../shared/domain/periodicity';
import type { QuorumRule } from '../../../../shared/domain/quorum';
import type {
  AgendaItemKind,
  BodyKind,
  BodyLevel,
  BodyLinkKind,
  LegalBasisKind,
  MeetingKind,
  OrganisationKind,
  RecommendationKind,
  RecommendationOrigin,
  RecommendationPriority,
  RecommendationStatus,
  SeatRole,
  Sex,
} from '../../../../shared/domain/vocabularies';

// Demonstration registry: three countries' coordination bodies drawn from the source documents
// (Bénin MASM coordination framework, Mali social-protection and Koulikoro documents, Sénégal
// DGPSN workshop). Names, compositions, mandates and legal bases follow the documents where they
// state them; what they leave out (some periodicities, dates of office, the CROCSAD/CLOCSAD decree
// number) is plausible filler. Every person is fictional, as are all e-mail addresses (exemple.*
// domains) and phone numbers.

export interface DemoOrganisation {
  key: string;
  name: string;
  acronym?: string;
  aliases?: string[];
  kind: OrganisationKind;
  parentKey?: string;
  countryCode: 'BJ' | 'ML' | 'SN';
  domains?: string[];
  targetGroups?: string[];
  zonePcodes?: string[];
  email?: string;
  phone?: string;
  website?: string;
  address?: string;
}
export interface DemoPerson {
  key: string;
  firstName: string;
  lastName: string;
  title?: string /* Mme, M., Dr */;
  function?: string;
  organisationKey?: string;
  email?: string;
  phone?: string;
  sex: Sex;
}
export interface DemoHolder {
  personKey: string;
  from: string /* YYYY-MM-DD */;
  to?: string;
  note?: string;
}
export interface DemoSeat {
  organisationKey?: string;
  function: string;
  role: SeatRole;
  rank?: number;
  voting: boolean;
  holders: DemoHolder[];
}
export interface DemoLegalBasis {
  kind: LegalBasisKind;
  number?: string;
  date?: string;
  signatory?: string;
  title?: string;
}
export interface DemoBody {
  key: string;
  name: string;
  acronym?: string;
  kind: BodyKind;
  level: BodyLevel;
  countryCode: 'BJ' | 'ML' | 'SN';
  territoryPcode?: string;
  parentKey?: string;
  links?: { kind: BodyLinkKind; targetKey: string }[];
  legalBasis?: DemoLegalBasis;
  mandate?: string;
  secretariatOrganisationKey?: string;
  periodicity: Periodicity;
  quorum: QuorumRule;
  fundingSource?: string;
  createdOn?: string;
  seats: DemoSeat[];
}
export interface DemoDataset {
  organisations: DemoOrganisation[];
  people: DemoPerson[];
  bodies: DemoBody[];
}
/** A status move applied after creation, in order (see shared/domain/meetingStatus.ts). */
export type DemoMeetingStep =
  | { action: 'convene'; convenedOn: string }
  | { action: 'hold' }
  | { action: 'close' }
  | { action: 'cancel'; reason: string };
export interface DemoAgendaItem {
  kind: AgendaItemKind;
  title: string;
  startTime?: string;
  endTime?: string;
  responsible?: string;
}
export interface DemoMeeting {
  bodyKey: string;
  cohostKeys?: string[];
  kind: MeetingKind;
  title?: string;
  plannedDate?: string;
  startDate: string;
  endDate?: string;
  startTime?: string;
  endTime?: string;
  place?: string;
  fundingSource?: string;
  steps: DemoMeetingStep[];
  agenda?: DemoAgendaItem[];
}

const organisations: DemoOrganisation[] = [
  // ── Bénin ─────────────────────────────────────────────────────────────────────────────────
  {
    key: 'bj_masm',
    name: 'Ministère des Affaires Sociales et de la Microfinance',
    acronym: 'MASM',
    aliases: [
      'Ministère de la Famille, des Affaires Sociales, de la Solidarité Nationale, des Handicapés et des Personnes de Troisième Âge',
      'MFASSNHPTA',
    ],
    kind: 'ministry',
    countryCode: 'BJ',
    domains: [
      'protection sociale',
      "protection de l'enfant",
      'autonomisation de la femme / VBG',
      'personnes âgées',
      'personnes handicapées',
      'microfinance',
    ],
    email: 'secretariat.masm@exemple.bj',
    phone: '+229 01 21 00 00 01',
    address: 'Cotonou',
  },
  {
    key: 'bj_dpaf',
    name: "Direction de la Planification, de l'Administration et des Finances",
    acronym: 'DPAF',
    aliases: ['DPAF/MASM'],
    kind: 'central_directorate',
    parentKey: 'bj_masm',
    countryCode: 'BJ',
    email: 'dpaf.masm@exemple.bj',
    phone: '+229 01 21 00 00 02',
    address: 'Cotonou',
  },
  {
    key: 'bj_dpfg',
    name: 'Direction de la Promotion de la Femme et du Genre',
    acronym: 'DPFG',
    kind: 'central_directorate',
    parentKey: 'bj_masm',
    countryCode: 'BJ',
    domains: ['autonomisation de la femme / VBG'],
    targetGroups: ['femmes', 'filles', 'victimes de VBG'],
    email: 'dpfg.masm@exemple.bj',
    address: 'Cotonou',
  },
  {
    key: 'bj_dgas',
    name: 'Direction Générale des Affaires Sociales',
    acronym: 'DGAS',
    kind: 'central_directorate',
    parentKey: 'bj_masm',
    countryCode: 'BJ',
    domains: ['protection sociale', 'filets sociaux', 'sinistres'],
    targetGroups: ['ménages pauvres et vulnérables', 'personnes âgées', 'personnes handicapées'],
    email: 'dgas.masm@exemple.bj',
    address: 'Cotonou',
  },
  {
    key: 'bj_offe',
    name: "Observatoire de la Famille, de la Femme et de l'Enfant",
    acronym: 'OFFE',
    kind: 'central_directorate',
    parentKey: 'bj_masm',
    countryCode: 'BJ',
    domains: ["protection de l'enfant", 'autonomisation de la femme / VBG'],
    targetGroups: ['enfants', 'femmes'],
    email: 'offe@exemple.bj',
    address: 'Cotonou',
  },
  {
    key: 'bj_ddasm_borgou',
    name: 'Direction Départementale des Affaires Sociales et de la Microfinance du Borgou',
    acronym: 'DDASM Borgou',
    kind: 'decentralised_service',
    parentKey: 'bj_masm',
    countryCode: 'BJ',
    zonePcodes: ['BJ04'],
    email: 'ddasm.borgou@exemple.bj',
    phone: '+229 01 23 00 00 01',
    address: 'Parakou',
  },
  {
    key: 'bj_msante',
    name: 'Ministère de la Santé',
    acronym: 'MS',
    kind: 'ministry',
    countryCode: 'BJ',
    domains: ['santé'],
    address: 'Cotonou',
  },
  {
    key: 'bj_mdc',
    name: "Ministère du Développement et de la Coordination de l'Action Gouvernementale",
    acronym: 'MDC',
    aliases: [
      "Ministère du Développement, de l'Analyse Économique et de la Prospective",
      'Ministère en charge du Développement',
    ],
    kind: 'ministry',
    countryCode: 'BJ',
    address: 'Cotonou',
  },
  {
    key: 'bj_inf',
    name: 'Institut National de la Femme',
    acronym: 'INF',
    aliases: ['Institut National pour la Promotion de la Femme'],
    kind: 'other',
    countryCode: 'BJ',
    domains: ['autonomisation de la femme / VBG'],
    targetGroups: ['femmes', 'filles', 'victimes de VBG'],
    address: 'Cotonou',
  },
  {
    key: 'bj_unfpa',
    name: 'Fonds des Nations Unies pour la Population',
    acronym: 'UNFPA',
    aliases: ['FNUAP'],
    kind: 'un_agency',
    countryCode: 'BJ',
    domains: ['autonomisation de la femme / VBG', 'santé'],
    targetGroups: ['femmes', 'filles', 'victimes de VBG'],
    email: 'bureau.unfpa@exemple.bj',
    address: 'Cotonou',
  },
  {
    key: 'bj_unicef',
    name: "Fonds des Nations Unies pour l'Enfance",
    acronym: 'UNICEF',
    kind: 'un_agency',
    countryCode: 'BJ',
    domains: ["protection de l'enfant", 'protection sociale', 'nutrition'],
    targetGroups: ['enfants', 'filles', 'ménages pauvres et vulnérables'],
    zonePcodes: ['BJ02', 'BJ04'],
    email: 'bureau.unicef@exemple.bj',
    address: 'Cotonou',
  },
  {
    key: 'bj_pam',
    name: 'Programme Alimentaire Mondial',
    acronym: 'PAM',
    aliases: ['WFP', 'World Food Programme'],
    kind: 'un_agency',
    countryCode: 'BJ',
    domains: ['filets sociaux', 'sécurité alimentaire', 'nutrition'],
    targetGroups: ['enfants', 'ménages pauvres et vulnérables'],
    zonePcodes: ['BJ01', 'BJ02', 'BJ04'],
    email: 'bureau.pam@exemple.bj',
    address: 'Cotonou',
  },
  {
    key: 'bj_bm',
    name: 'Banque mondiale',
    acronym: 'BM',
    aliases: ['World Bank'],
    kind: 'multilateral_partner',
    countryCode: 'BJ',
    domains: ['protection sociale', 'filets sociaux'],
    address: 'Cotonou',
  },
  {
    key: 'bj_ddc',
    name: 'Coopération suisse',
    acronym: 'DDC',
    aliases: ['Direction du développement et de la coopération', 'Ambassade de Suisse', 'SDC'],
    kind: 'bilateral_partner',
    countryCode: 'BJ',
    domains: ['autonomisation de la femme / VBG'],
    targetGroups: ['femmes'],
    zonePcodes: ['BJ04', 'BJ01'],
    address: 'Cotonou',
  },
  {
    key: 'bj_giz',
    name: 'Deutsche Gesellschaft für Internationale Zusammenarbeit',
    acronym: 'GIZ',
    aliases: ['Coopération allemande'],
    kind: 'bilateral_partner',
    countryCode: 'BJ',
    domains: ['protection sociale', 'microfinance'],
    zonePcodes: ['BJ04', 'BJ05'],
    address: 'Cotonou',
  },
  {
    key: 'bj_mdsc',
    name: 'Maison de la Société Civile',
    acronym: 'MdSC',
    kind: 'umbrella_organisation',
    countryCode: 'BJ',
    domains: ["protection de l'enfant", 'autonomisation de la femme / VBG'],
    email: 'contact.mdsc@exemple.bj',
    phone: '+229 01 21 00 00 30',
    address: 'Cotonou',
  },
  {
    key: 'bj_alafia',
    name: 'Consortium ALAFIA',
    acronym: 'ALAFIA',
    kind: 'umbrella_organisation',
    countryCode: 'BJ',
    domains: ['microfinance'],
    targetGroups: ['femmes', 'ménages pauvres et vulnérables'],
    email: 'secretariat.alafia@exemple.bj',
    address: 'Cotonou',
  },

  // ── Mali ──────────────────────────────────────────────────────────────────────────────────
  {
    key: 'ml_msah',
    name: "Ministère de la Solidarité et de l'Action Humanitaire",
    acronym: 'MSAH',
    kind: 'ministry',
    countryCode: 'ML',
    domains: ['protection sociale', 'filets sociaux'],
    address: 'Bamako',
  },
  {
    key: 'ml_dnpses',
    name: "Direction Nationale de la Protection Sociale et de l'Économie Solidaire",
    acronym: 'DNPSES',
    kind: 'central_directorate',
    parentKey: 'ml_msah',
    countryCode: 'ML',
    domains: ['protection sociale', 'filets sociaux'],
    email: 'dnpses@exemple.ml',
    address: 'Bamako',
  },
  {
    key: 'ml_drdses_koulikoro',
    name: "Direction Régionale du Développement Social et de l'Économie Solidaire de Koulikoro",
    acronym: 'DRDSES Koulikoro',
    aliases: ['Direction Régionale du Développement Social de Koulikoro'],
    kind: 'decentralised_service',
    parentKey: 'ml_msah',
    countryCode: 'ML',
    zonePcodes: ['ML02'],
    address: 'Koulikoro',
  },
  {
    key: 'ml_drdses_gao',
    name: "Direction Régionale du Développement Social et de l'Économie Solidaire de Gao",
    acronym: 'DRDSES Gao',
    aliases: ['Direction Régionale du Développement Social de Gao', 'DRDSES-Gao'],
    kind: 'decentralised_service',
    parentKey: 'ml_msah',
    countryCode: 'ML',
    zonePcodes: ['ML07'],
    address: 'Gao',
  },
  {
    key: 'ml_sldses_ansongo',
    name: "Service Local du Développement Social et de l'Économie Solidaire d'Ansongo",
    acronym: 'SLDSES Ansongo',
    aliases: ["Service Local de Développement Social d'Ansongo", 'SLDS Ansongo'],
    kind: 'decentralised_service',
    parentKey: 'ml_drdses_gao',
    countryCode: 'ML',
    domains: ['protection sociale', 'filets sociaux'],
    zonePcodes: ['ML0701'],
    address: 'Ansongo',
  },
  {
    key: 'ml_gouv_koulikoro',
    name: 'Gouvernorat de la Région de Koulikoro',
    aliases: ['Gouvernorat de Koulikoro'],
    kind: 'decentralised_service',
    countryCode: 'ML',
    zonePcodes: ['ML02'],
    email: 'gouvernorat.koulikoro@exemple.ml',
    phone: '+223 21 26 00 00 01',
    address: 'Koulikoro',
  },
  {
    key: 'ml_crk',
    name: 'Conseil Régional de Koulikoro',
    acronym: 'CRK',
    kind: 'local_authority',
    countryCode: 'ML',
    zonePcodes: ['ML02'],
    address: 'Koulikoro',
  },
  {
    key: 'ml_csa',
    name: 'Commissariat à la Sécurité Alimentaire',
    acronym: 'CSA',
    kind: 'central_directorate',
    countryCode: 'ML',
    domains: ['sécurité alimentaire'],
    address: 'Bamako',
  },
  {
    key: 'ml_cafo',
    name: 'Coordination des Associations et ONG Féminines du Mali',
    acronym: 'CAFO',
    aliases: ['Coordination des Associations Féminines et ONG'],
    kind: 'umbrella_organisation',
    countryCode: 'ML',
    domains: ['autonomisation de la femme / VBG'],
    targetGroups: ['femmes', 'filles'],
    zonePcodes: ['ML02', 'ML09'],
    address: 'Bamako',
  },
  {
    key: 'ml_ctb',
    name: 'Agence Belge de Développement',
    acronym: 'CTB',
    aliases: ['Enabel', 'Coopération Technique Belge'],
    kind: 'bilateral_partner',
    countryCode: 'ML',
    domains: ['sécurité alimentaire', 'autonomisation de la femme / VBG'],
    zonePcodes: ['ML02'],
    address: 'Bamako',
  },
  {
    key: 'ml_pref_ansongo',
    name: "Préfecture du cercle d'Ansongo",
    aliases: ["Préfecture d'Ansongo"],
    kind: 'decentralised_service',
    countryCode: 'ML',
    zonePcodes: ['ML0701'],
    phone: '+223 21 85 00 00 01',
    address: 'Ansongo',
  },
  {
    key: 'ml_cc_ansongo',
    name: "Conseil de cercle d'Ansongo",
    kind: 'local_authority',
    countryCode: 'ML',
    zonePcodes: ['ML0701'],
    address: 'Ansongo',
  },
  {
    key: 'ml_mairie_ansongo',
    name: "Mairie de la commune urbaine d'Ansongo",
    aliases: ["Mairie d'Ansongo"],
    kind: 'local_authority',
    countryCode: 'ML',
    zonePcodes: ['ML070101'],
    address: 'Ansongo',
  },
  {
    key: 'ml_csref_ansongo',
    name: "Centre de Santé de Référence d'Ansongo",
    acronym: 'CSRéf Ansongo',
    aliases: ['CSREF Ansongo'],
    kind: 'decentralised_service',
    countryCode: 'ML',
    domains: ['santé', 'nutrition'],
    zonePcodes: ['ML0701'],
    address: 'Ansongo',
  },
  {
    key: 'ml_pc_ansongo',
    name: "Service de la Protection Civile d'Ansongo",
    aliases: ['Protection civile Ansongo'],
    kind: 'decentralised_service',
    countryCode: 'ML',
    domains: ['sinistres'],
    zonePcodes: ['ML0701'],
    address: 'Ansongo',
  },
  {
    key: 'ml_crm',
    name: 'Croix-Rouge malienne',
    acronym: 'CRM',
    aliases: ['Croix Rouge malienne', 'CR-malienne'],
    kind: 'red_cross_movement',
    countryCode: 'ML',
    domains: ['santé', 'sinistres', 'protection'],
    targetGroups: ['personnes déplacées internes', 'ménages pauvres et vulnérables'],
    zonePcodes: ['ML05', 'ML06', 'ML07'],
    address: 'Bamako',
  },
  {
    key: 'ml_ocha',
    name: 'Bureau de la coordination des affaires humanitaires des Nations Unies',
    acronym: 'OCHA',
    aliases: ['UN OCHA'],
    kind: 'un_agency',
    countryCode: 'ML',
    zonePcodes: ['ML05', 'ML06', 'ML07'],
    email: 'ocha.mali@exemple.ml',
    address: 'Bamako',
  },
  {
    key: 'ml_pam',
    name: 'Programme Alimentaire Mondial',
    acronym: 'PAM',
    aliases: ['WFP', 'World Food Programme'],
    kind: 'un_agency',
    countryCode: 'ML',
    domains: ['filets sociaux', 'sécurité alimentaire', 'nutrition'],
    targetGroups: ['ménages pauvres et vulnérables', 'personnes déplacées internes', 'enfants'],
    zonePcodes: ['ML05', 'ML06', 'ML07'],
    email: 'bureau.pam@exemple.ml',
    address: 'Bamako',
  },
  {
    key: 'ml_unicef',
    name: "Fonds des Nations Unies pour l'Enfance",
    acronym: 'UNICEF',
    kind: 'un_agency',
    countryCode: 'ML',
    domains: ["protection de l'enfant", 'protection sociale', 'éducation', 'nutrition'],
    targetGroups: ['enfants'],
    address: 'Bamako',
  },
  {
    key: 'ml_bm',
    name: 'Banque mondiale',
    acronym: 'BM',
    aliases: ['World Bank'],
    kind: 'multilateral_partner',
    countryCode: 'ML',
    domains: ['protection sociale', 'filets sociaux'],
    address: 'Bamako',
  },
  {
    key: 'ml_echo',
    name: "Direction générale de la protection civile et des opérations d'aide humanitaire européennes",
    acronym: 'ECHO',
    aliases: ['DG ECHO', 'European Civil Protection and Humanitarian Aid Operations'],
    kind: 'multilateral_partner',
    countryCode: 'ML',
    address: 'Bamako',
  },

  // ── Sénégal ───────────────────────────────────────────────────────────────────────────────
  {
    key: 'sn_dgpsn',
    name: 'Délégation Générale à la Protection Sociale et à la Solidarité Nationale',
    acronym: 'DGPSN',
    kind: 'presidency',
    countryCode: 'SN',
    domains: ['protection sociale', 'filets sociaux'],
    email: 'dgpsn@exemple.sn',
    phone: '+221 33 800 00 01',
    address: 'Dakar',
  },
  {
    key: 'sn_secnsa',
    name: 'Secrétariat Exécutif du Conseil National de Sécurité Alimentaire',
    acronym: 'SE/CNSA',
    aliases: ['SECNSA'],
    kind: 'prime_minister_office',
    countryCode: 'SN',
    domains: ['sécurité alimentaire'],
    address: 'Dakar',
  },
  {
    key: 'sn_pam',
    name: 'Programme Alimentaire Mondial',
    acronym: 'PAM',
    aliases: ['WFP', 'World Food Programme'],
    kind: 'un_agency',
    countryCode: 'SN',
    domains: ['filets sociaux', 'sécurité alimentaire', 'nutrition'],
    targetGroups: ['ménages pauvres et vulnérables', 'enfants'],
    zonePcodes: ['SN07', 'SN09', 'SN12'],
    address: 'Dakar',
  },
  {
    key: 'sn_cicodev',
    name: 'Institut panafricain pour la citoyenneté, les consommateurs et le développement',
    acronym: 'CICODEV Afrique',
    aliases: ['CICODEV'],
    kind: 'national_ngo',
    countryCode: 'SN',
    domains: ['protection sociale'],
    zonePcodes: ['SN01'],
    address: 'Dakar',
  },
  {
    key: 'sn_congad',
    name: "Conseil des Organisations Non Gouvernementales d'Appui au Développement",
    acronym: 'CONGAD',
    kind: 'umbrella_organisation',
    countryCode: 'SN',
    address: 'Dakar',
  },
];

const people: DemoPerson[] = [
  // ── Bénin ─────────────────────────────────────────────────────────────────────────────────
  {
    key: 'bj_sgm',
    firstName: 'Comlan',
    lastName: 'Houénou',
    title: 'M.',
    function: 'Secrétaire Général du Ministère',
    organisationKey: 'bj_masm',
    email: 'comlan.houenou@exemple.bj',
    phone: '+229 01 97 00 00 01',
    sex: 'male',
  },
  {
    key: 'bj_dircab',
    firstName: 'Mathias',
    lastName: 'Agossou',
    title: 'M.',
    function: 'Ancien directeur de cabinet du ministère en charge de la famille',
    organisationKey: 'bj_masm',
    phone: '+229 01 97 00 00 02',
    sex: 'male',
  },
  {
    key: 'bj_dgas',
    firstName: 'Félicité',
    lastName: 'Sossou',
    title: 'Mme',
    function: 'Directrice Générale des Affaires Sociales',
    organisationKey: 'bj_dgas',
    email: 'felicite.sossou@exemple.bj',
    phone: '+229 01 97 00 00 03',
    sex: 'female',
  },
  {
    key: 'bj_dpaf',
    firstName: 'Rodrigue',
    lastName: 'Gbaguidi',
    title: 'M.',
    function: "Directeur de la Planification, de l'Administration et des Finances",
    organisationKey: 'bj_dpaf',
    email: 'rodrigue.gbaguidi@exemple.bj',
    phone: '+229 01 97 00 00 04',
    sex: 'male',
  },
  {
    key: 'bj_ses',
    firstName: 'Prudence',
    lastName: 'Dansou',
    title: 'Mme',
    function: 'Cheffe du Service des Études et de la Statistique',
    organisationKey: 'bj_dpaf',
    email: 'prudence.dansou@exemple.bj',
    phone: '+229 01 97 00 00 05',
    sex: 'female',
  },
  {
    key: 'bj_dpfg_1',
    firstName: 'Bernadette',
    lastName: 'Hounkpatin',
    title: 'Mme',
    function: 'Ancienne Directrice de la Promotion de la Femme et du Genre (2015-2018)',
    organisationKey: 'bj_masm',
    sex: 'female',
  },
  {
    key: 'bj_dpfg_2',
    firstName: 'Clarisse',
    lastName: 'Akplogan',
    title: 'Mme',
    function: 'Conseillère technique au genre (Directrice de la DPFG de 2018 à 2021)',
    organisationKey: 'bj_masm',
    email: 'clarisse.akplogan@exemple.bj',
    phone: '+229 01 97 00 00 07',
    sex: 'female',
  },
  {
    key: 'bj_dpfg_3',
    firstName: 'Edwige',
    lastName: 'Tchibozo',
    title: 'Mme',
    function: 'Directrice de la Promotion de la Femme et du Genre',
    organisationKey: 'bj_dpfg',
    email: 'edwige.tchibozo@exemple.bj',
    phone: '+229 01 97 00 00 08',
    sex: 'female',
  },
  {
    key: 'bj_dpfg_sec',
    firstName: 'Ulrich',
    lastName: 'Noudéhou',
    title: 'M.',
    function: 'Chef du service de la promotion du genre',
    organisationKey: 'bj_dpfg',
    email: 'ulrich.noudehou@exemple.bj',
    phone: '+229 01 97 00 00 09',
    sex: 'male',
  },
  {
    key: 'bj_offe',
    firstName: 'Armand',
    lastName: 'Quenum',
    title: 'M.',
    function: "Directeur Général de l'Observatoire de la Famille, de la Femme et de l'Enfant",
    organisationKey: 'bj_offe',
    email: 'armand.quenum@exemple.bj',
    phone: '+229 01 97 00 00 10',
    sex: 'male',
  },
  {
    key: 'bj_dgas_ps',
    firstName: 'Gildas',
    lastName: 'Assogba',
    title: 'M.',
    function: 'Chef du service de la protection sociale',
    organisationKey: 'bj_dgas',
    email: 'gildas.assogba@exemple.bj',
    phone: '+229 01 97 00 00 11',
    sex: 'male',
  },
  {
    key: 'bj_ddasm',
    firstName: 'Issiaka',
    lastName: 'Orou Yarou',
    title: 'M.',
    function: 'Directeur départemental des Affaires Sociales et de la Microfinance du Borgou',
    organisationKey: 'bj_ddasm_borgou',
    email: 'issiaka.orouyarou@exemple.bj',
    phone: '+229 01 97 00 00 12',
    sex: 'male',
  },
  {
    key: 'bj_ddasm_2',
    firstName: 'Nafissatou',
    lastName: 'Sanni',
    title: 'Mme',
    function: 'Cheffe du service de la planification et du suivi',
    organisationKey: 'bj_ddasm_borgou',
    email: 'nafissatou.sanni@exemple.bj',
    phone: '+229 01 97 00 00 13',
    sex: 'female',
  },
  {
    key: 'bj_ms_pfg_1',
    firstName: 'Marcelline',
    lastName: 'Zinsou',
    title: 'Mme',
    function: 'Ancienne point focal genre du Ministère de la Santé',
    organisationKey: 'bj_msante',
    sex: 'female',
  },
  {
    key: 'bj_ms_pfg_2',
    firstName: 'Aïcha',
    lastName: 'Lawani',
    title: 'Dr',
    function: 'Point focal genre du Ministère de la Santé',
    organisationKey: 'bj_msante',
    email: 'aicha.lawani@exemple.bj',
    phone: '+229 01 97 00 00 15',
    sex: 'female',
  },
  {
    key: 'bj_ms_ps',
    firstName: 'Fortuné',
    lastName: 'Dossou',
    title: 'Dr',
    function: 'Chargé de la protection sociale en santé',
    organisationKey: 'bj_msante',
    email: 'fortune.dossou@exemple.bj',
    phone: '+229 01 97 00 00 16',
    sex: 'male',
  },
  {
    key: 'bj_mdc',
    firstName: 'Romaric',
    lastName: 'Alapini',
    title: 'M.',
    function: 'Point focal genre, Direction Générale des Politiques de Développement',
    organisationKey: 'bj_mdc',
    email: 'romaric.alapini@exemple.bj',
    phone: '+229 01 97 00 00 17',
    sex: 'male',
  },
  {
    key: 'bj_inf',
    firstName: 'Hortense',
    lastName: 'Adékambi',
    title: 'Mme',
    function: "Secrétaire exécutive de l'Institut National de la Femme",
    organisationKey: 'bj_inf',
    email: 'hortense.adekambi@exemple.bj',
    phone: '+229 01 97 00 00 18',
    sex: 'female',
  },
  {
    key: 'bj_unfpa_1',
    firstName: 'Koffi',
    lastName: 'Amégan',
    title: 'M.',
    function: 'Ancien chargé de programme genre',
    organisationKey: 'bj_unfpa',
    sex: 'male',
  },
  {
    key: 'bj_unfpa_2',
    firstName: 'Carine',
    lastName: 'Ahouansou',
    title: 'Mme',
    function: 'Chargée de programme genre',
    organisationKey: 'bj_unfpa',
    email: 'carine.ahouansou@exemple.bj',
    phone: '+229 01 97 00 00 20',
    sex: 'female',
  },
  {
    key: 'bj_ddc',
    firstName: 'Corinne',
    lastName: 'Vuilleumier',
    title: 'Mme',
    function: 'Chargée de programme gouvernance et genre',
    organisationKey: 'bj_ddc',
    email: 'corinne.vuilleumier@exemple.bj',
    phone: '+229 01 97 00 00 21',
    sex: 'female',
  },
  {
    key: 'bj_giz',
    firstName: 'Jonas',
    lastName: 'Weber',
    title: 'M.',
    function: 'Conseiller technique protection sociale',
    organisationKey: 'bj_giz',
    email: 'jonas.weber@exemple.bj',
    phone: '+229 01 97 00 00 22',
    sex: 'male',
  },
  {
    key: 'bj_unicef',
    firstName: 'Mireille',
    lastName: 'Ayéna',
    title: 'Mme',
    function: 'Cheffe de la politique sociale',
    organisationKey: 'bj_unicef',
    email: 'mireille.ayena@exemple.bj',
    phone: '+229 01 97 00 00 23',
    sex: 'female',
  },
  {
    key: 'bj_bm',
    firstName: 'Laure',
    lastName: 'Agbodjan',
    title: 'Mme',
    function: 'Spécialiste protection sociale',
    organisationKey: 'bj_bm',
    email: 'laure.agbodjan@exemple.bj',
    phone: '+229 01 97 00 00 24',
    sex: 'female',
  },
  {
    key: 'bj_pam',
    firstName: 'Sènan',
    lastName: 'Adjahossou',
    title: 'M.',
    function: 'Chargé de programme filets sociaux',
    organisationKey: 'bj_pam',
    email: 'senan.adjahossou@exemple.bj',
    phone: '+229 01 97 00 00 25',
    sex: 'male',
  },
  {
    key: 'bj_mdsc',
    firstName: 'Estelle',
    lastName: 'Vodounou',
    title: 'Mme',
    function: 'Chargée des programmes',
    organisationKey: 'bj_mdsc',
    email: 'estelle.vodounou@exemple.bj',
    phone: '+229 01 97 00 00 26',
    sex: 'female',
  },
  {
    key: 'bj_mdsc_borgou',
    firstName: 'Zakari',
    lastName: 'Bouraïma',
    title: 'M.',
    function: 'Point focal de la Maison de la Société Civile dans le Borgou',
    organisationKey: 'bj_mdsc',
    email: 'zakari.bouraima@exemple.bj',
    phone: '+229 01 97 00 00 27',
    sex: 'male',
  },
  {
    key: 'bj_alafia',
    firstName: 'Fidèle',
    lastName: 'Ahissou',
    title: 'M.',
    function: 'Secrétaire exécutif',
    organisationKey: 'bj_alafia',
    email: 'fidele.ahissou@exemple.bj',
    phone: '+229 01 97 00 00 28',
    sex: 'male',
  },

  // ── Mali ──────────────────────────────────────────────────────────────────────────────────
  {
    key: 'ml_gouv_1',
    firstName: 'Bakary',
    lastName: 'Sidibé',
    title: 'M.',
    function: 'Ancien Gouverneur de la Région de Koulikoro (2015-2019)',
    organisationKey: 'ml_gouv_koulikoro',
    sex: 'male',
  },
  {
    key: 'ml_gouv_2',
    firstName: 'Abdoulaye',
    lastName: 'Coulibaly',
    title: 'M.',
    function: 'Gouverneur de la Région de Koulikoro',
    organisationKey: 'ml_gouv_koulikoro',
    email: 'abdoulaye.coulibaly@exemple.ml',
    phone: '+223 76 00 00 02',
    sex: 'male',
  },
  {
    key: 'ml_crk',
    firstName: 'Mamadou',
    lastName: 'Diarra',
    title: 'M.',
    function: 'Président du Conseil Régional de Koulikoro',
    organisationKey: 'ml_crk',
    email: 'mamadou.diarra@exemple.ml',
    phone: '+223 76 00 00 03',
    sex: 'male',
  },
  {
    key: 'ml_gouv_cons',
    firstName: 'Assétou',
    lastName: 'Traoré',
    title: 'Mme',
    function: 'Conseillère aux affaires économiques et financières du Gouverneur',
    organisationKey: 'ml_gouv_koulikoro',
    email: 'assetou.traore@exemple.ml',
    phone: '+223 76 00 00 04',
    sex: 'female',
  },
  {
    key: 'ml_drdses_k',
    firstName: 'Djénéba',
    lastName: 'Sangaré',
    title: 'Mme',
    function: "Directrice régionale du Développement Social et de l'Économie Solidaire",
    organisationKey: 'ml_drdses_koulikoro',
    email: 'djeneba.sangare@exemple.ml',
    phone: '+223 76 00 00 05',
    sex: 'female',
  },
  {
    key: 'ml_csa',
    firstName: 'Souleymane',
    lastName: 'Keïta',
    title: 'M.',
    function: 'Représentant régional du CSA à Koulikoro',
    organisationKey: 'ml_csa',
    email: 'souleymane.keita@exemple.ml',
    phone: '+223 76 00 00 06',
    sex: 'male',
  },
  {
    key: 'ml_cafo',
    firstName: 'Oumou',
    lastName: 'Doumbia',
    title: 'Mme',
    function: 'Présidente de la coordination régionale de la CAFO de Koulikoro',
    organisationKey: 'ml_cafo',
    email: 'oumou.doumbia@exemple.ml',
    phone: '+223 76 00 00 07',
    sex: 'female',
  },
  {
    key: 'ml_ctb',
    firstName: 'Els',
    lastName: 'Peeters',
    title: 'Mme',
    function: 'Ancienne responsable du programme de coopération Mali-Belgique à Koulikoro',
    organisationKey: 'ml_ctb',
    sex: 'female',
  },
  {
    key: 'ml_pref_1',
    firstName: 'Hamadoun',
    lastName: 'Cissé',
    title: 'M.',
    function: "Ancien préfet du cercle d'Ansongo (2015-2018)",
    organisationKey: 'ml_pref_ansongo',
    sex: 'male',
  },
  {
    key: 'ml_pref_2',
    firstName: 'Alassane',
    lastName: 'Maïga',
    title: 'M.',
    function: "Préfet du cercle d'Ansongo",
    organisationKey: 'ml_pref_ansongo',
    email: 'alassane.maiga@exemple.ml',
    phone: '+223 76 00 00 10',
    sex: 'male',
  },
  {
    key: 'ml_cc',
    firstName: 'Moussa',
    lastName: 'Ag Alhousseini',
    title: 'M.',
    function: "Président du Conseil de cercle d'Ansongo",
    organisationKey: 'ml_cc_ansongo',
    phone: '+223 76 00 00 11',
    sex: 'male',
  },
  {
    key: 'ml_sldses',
    firstName: 'Fatoumata',
    lastName: 'Touré',
    title: 'Mme',
    function: "Cheffe du Service Local du Développement Social et de l'Économie Solidaire",
    organisationKey: 'ml_sldses_ansongo',
    email: 'fatoumata.toure@exemple.ml',
    phone: '+223 76 00 00 12',
    sex: 'female',
  },
  {
    key: 'ml_maire',
    firstName: 'Aïssata',
    lastName: 'Haïdara',
    title: 'Mme',
    function: "Maire de la commune urbaine d'Ansongo",
    organisationKey: 'ml_mairie_ansongo',
    email: 'aissata.haidara@exemple.ml',
    phone: '+223 76 00 00 13',
    sex: 'female',
  },
  {
    key: 'ml_medecin',
    firstName: 'Mariam',
    lastName: 'Dicko',
    title: 'Dr',
    function: "Médecin-chef du Centre de Santé de Référence d'Ansongo",
    organisationKey: 'ml_csref_ansongo',
    email: 'mariam.dicko@exemple.ml',
    phone: '+223 76 00 00 14',
    sex: 'female',
  },
  {
    key: 'ml_crm',
    firstName: 'Boubacar',
    lastName: 'Yattara',
    title: 'M.',
    function: "Président du comité local de la Croix-Rouge malienne d'Ansongo",
    organisationKey: 'ml_crm',
    phone: '+223 76 00 00 15',
    sex: 'male',
  },
  {
    key: 'ml_ocha_pf',
    firstName: 'Salimata',
    lastName: 'Diallo',
    title: 'Mme',
    function: 'Point focal humanitaire, sous-bureau de Gao',
    organisationKey: 'ml_ocha',
    email: 'salimata.diallo@exemple.ml',
    phone: '+223 76 00 00 16',
    sex: 'female',
  },
  {
    key: 'ml_pc',
    firstName: 'Seydou',
    lastName: 'Traoré',
    title: 'M.',
    function: "Chef du service de la protection civile d'Ansongo",
    organisationKey: 'ml_pc_ansongo',
    phone: '+223 76 00 00 17',
    sex: 'male',
  },
  {
    key: 'ml_chef_village',
    firstName: 'Almoustapha',
    lastName: 'Alkaya',
    title: 'M.',
    function: "Chef de village d'Ansongo (chef-lieu de commune)",
    phone: '+223 76 00 00 18',
    sex: 'male',
  },
  {
    key: 'ml_drdses_gao',
    firstName: 'Hawa',
    lastName: 'Walet Mohamed',
    title: 'Mme',
    function: 'Chargée de la protection sociale',
    organisationKey: 'ml_drdses_gao',
    email: 'hawa.waletmohamed@exemple.ml',
    phone: '+223 76 00 00 19',
    sex: 'female',
  },
  {
    key: 'ml_pam_1',
    firstName: 'Rokia',
    lastName: 'Samaké',
    title: 'Mme',
    function: 'Ancienne responsable protection sociale',
    organisationKey: 'ml_pam',
    sex: 'female',
  },
  {
    key: 'ml_pam_2',
    firstName: 'Amadou',
    lastName: 'Bah',
    title: 'M.',
    function: 'Chargé de programme protection sociale',
    organisationKey: 'ml_pam',
    email: 'amadou.bah@exemple.ml',
    phone: '+223 76 00 00 21',
    sex: 'male',
  },
  {
    key: 'ml_unicef',
    firstName: 'Kadiatou',
    lastName: 'Koné',
    title: 'Mme',
    function: 'Cheffe de la politique sociale',
    organisationKey: 'ml_unicef',
    email: 'kadiatou.kone@exemple.ml',
    phone: '+223 76 00 00 22',
    sex: 'female',
  },
  {
    key: 'ml_bm',
    firstName: 'Cheick Oumar',
    lastName: 'Sacko',
    title: 'M.',
    function: 'Spécialiste protection sociale',
    organisationKey: 'ml_bm',
    email: 'cheickoumar.sacko@exemple.ml',
    phone: '+223 76 00 00 23',
    sex: 'male',
  },
  {
    key: 'ml_echo',
    firstName: 'Nathalie',
    lastName: 'Girard',
    title: 'Mme',
    function: 'Assistante technique humanitaire',
    organisationKey: 'ml_echo',
    email: 'nathalie.girard@exemple.ml',
    phone: '+223 76 00 00 24',
    sex: 'female',
  },
  {
    key: 'ml_ocha',
    firstName: 'Yacouba',
    lastName: 'Kanté',
    title: 'M.',
    function: 'Chargé des affaires humanitaires',
    organisationKey: 'ml_ocha',
    email: 'yacouba.kante@exemple.ml',
    phone: '+223 76 00 00 25',
    sex: 'male',
  },
  {
    key: 'ml_dnpses',
    firstName: 'Modibo',
    lastName: 'Diakité',
    title: 'M.',
    function: "Directeur national de la Protection Sociale et de l'Économie Solidaire",
    organisationKey: 'ml_dnpses',
    email: 'modibo.diakite@exemple.ml',
    phone: '+223 76 00 00 26',
    sex: 'male',
  },

  // ── Sénégal ───────────────────────────────────────────────────────────────────────────────
  {
    key: 'sn_dg',
    firstName: 'Ndèye Fatou',
    lastName: 'Diouf',
    title: 'Mme',
    function: 'Déléguée générale à la Protection sociale et à la Solidarité nationale',
    organisationKey: 'sn_dgpsn',
    email: 'ndeyefatou.diouf@exemple.sn',
    phone: '+221 77 000 00 01',
    sex: 'female',
  },
  {
    key: 'sn_pam',
    firstName: 'Malick',
    lastName: 'Fall',
    title: 'M.',
    function: 'Chargé de programme résilience et protection sociale',
    organisationKey: 'sn_pam',
    email: 'malick.fall@exemple.sn',
    phone: '+221 77 000 00 02',
    sex: 'male',
  },
  {
    key: 'sn_cicodev',
    firstName: 'Ousmane',
    lastName: 'Thiam',
    title: 'M.',
    function: 'Chargé de programme protection sociale',
    organisationKey: 'sn_cicodev',
    email: 'ousmane.thiam@exemple.sn',
    phone: '+221 77 000 00 03',
    sex: 'male',
  },
  {
    key: 'sn_cnsa',
    firstName: 'Khady',
    lastName: 'Ndiaye',
    title: 'Mme',
    function: 'Chargée du suivi des filets sociaux',
    organisationKey: 'sn_secnsa',
    email: 'khady.ndiaye@exemple.sn',
    phone: '+221 77 000 00 04',
    sex: 'female',
  },
  {
    key: 'sn_congad',
    firstName: 'Awa',
    lastName: 'Gueye',
    title: 'Mme',
    function: 'Chargée de programme',
    organisationKey: 'sn_congad',
    email: 'awa.gueye@exemple.sn',
    phone: '+221 77 000 00 05',
    sex: 'female',
  },
];

const FAMILY_MINISTER =
  'Ministre de la Famille, des Affaires Sociales, de la Solidarité Nationale, des Handicapés et des Personnes de Troisième Âge';

// The Préfet d'Ansongo chairs both the CLOCSAD and the comité de veille et de crise.
const ANSONGO_PREFECTS: DemoHolder[] = [
  { personKey: 'ml_pref_1', from: '2015-09-01', to: '2018-08-31' },
  { personKey: 'ml_pref_2', from: '2018-09-01' },
];

const bodies: DemoBody[] = [
  // ── Bénin ─────────────────────────────────────────────────────────────────────────────────
  {
    key: 'bj_commission_mixte',
    name: 'Commission Mixte MASM-PTF/OSC',
    kind: 'joint_commission',
    level: 'national',
    countryCode: 'BJ',
    legalBasis: {
      kind: 'other',
      title: 'Document cadre de concertation/coopération MASM-PTF (2023)',
    },
    mandate:
      "Organe de concertation et de dialogue politique entre le MASM et l'ensemble du Groupe des Partenaires " +
      'Techniques et Financiers et des OSC (GPTF/OSC) dans la mise en œuvre des activités liées aux affaires ' +
      'sociales et à la microfinance : dialogue ouvert sur les réformes et thématiques du secteur et les progrès ' +
      'vers les ODD ; revue des progrès conjointement réalisés dans la mise en œuvre des agendas internationaux ; ' +
      'suivi des décisions et recommandations de la revue annuelle. Se réunit une fois par an et chaque fois ' +
      'que de besoin.',
    secretariatOrganisationKey: 'bj_dpaf',
    periodicity: { kind: 'every_n_months', months: 12 },
    quorum: { kind: 'fraction', numerator: 2, denominator: 3, of: 'voting_seats' },
    fundingSource: "Budget du MASM, avec l'appui technique et financier de l'UNFPA",
    seats: [
      {
        organisationKey: 'bj_masm',
        function: 'Ministre des Affaires Sociales et de la Microfinance ou son représentant',
        role: 'president',
        voting: true,
        holders: [{ personKey: 'bj_sgm', from: '2024-03-01', note: 'Représente la Ministre' }],
      },
      {
        organisationKey: 'bj_mdsc',
        function: 'Représentant des Organisations de la Société Civile',
        role: 'vice_president',
        rank: 1,
        voting: true,
        holders: [{ personKey: 'bj_mdsc', from: '2024-03-01' }],
      },
      {
        function: 'Chef de file des Partenaires Techniques et Financiers du secteur',
        role: 'ptf_lead',
        voting: true,
        holders: [{ personKey: 'bj_unicef', from: '2024-03-01' }],
      },
      {
        organisationKey: 'bj_dpaf',
        function: "Directeur de la Planification, de l'Administration et des Finances",
        role: 'rapporteur',
        rank: 1,
        voting: true,
        holders: [{ personKey: 'bj_dpaf', from: '2024-03-01' }],
      },
      {
        organisationKey: 'bj_unfpa',
        function: 'Représentant des PTF désigné par le chef de file',
        role: 'rapporteur',
        rank: 2,
        voting: true,
        holders: [{ personKey: 'bj_unfpa_2', from: '2024-03-01' }],
      },
      {
        organisationKey: 'bj_dpaf',
        function: 'Service des Études et de la Statistique de la DPAF',
        role: 'secretariat',
        voting: false,
        holders: [{ personKey: 'bj_ses', from: '2024-03-01' }],
      },
      {
        organisationKey: 'bj_offe',
        function: "Directeur Général de l'Observatoire de la Famille, de la Femme et de l'Enfant",
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_offe', from: '2024-03-01' }],
      },
      {
        organisationKey: 'bj_dgas',
        function: 'Directeur Général des Affaires Sociales',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_dgas', from: '2024-03-01' }],
      },
      {
        organisationKey: 'bj_bm',
        function: 'Représentant de la Banque mondiale',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_bm', from: '2024-03-01' }],
      },
      {
        organisationKey: 'bj_alafia',
        function: 'Représentant des faîtières des institutions de microfinance',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_alafia', from: '2024-03-01' }],
      },
    ],
  },
  {
    key: 'bj_gtgps',
    name: 'Groupe Technique Genre et Protection Sociale',
    acronym: 'GTGPS',
    kind: 'technical_group',
    level: 'national',
    countryCode: 'BJ',
    links: [{ kind: 'reports_to', targetKey: 'bj_commission_mixte' }],
    mandate:
      "Assurer la coordination, le suivi et l'évaluation de la mise en œuvre des politiques et stratégies dans " +
      'les domaines du genre et de la protection sociale ; identifier les actions prioritaires en matière ' +
      "d'égalité et d'équité de genre et de protection sociale. Issu du Groupe Thématique « Population, Genre " +
      "et Développement » mis en place au début des années 2000 avec l'appui de l'UNFPA et du PNUD, devenu " +
      'GTGPS à la faveur des revues conjointes annuelles PTF-Gouvernement. Comporte deux sous-groupes : Genre ' +
      'et Protection sociale.',
    secretariatOrganisationKey: 'bj_dpfg',
    periodicity: { kind: 'every_n_months', months: 6 },
    quorum: { kind: 'majority_of_voting_seats' },
    fundingSource: 'Financement des partenaires techniques et financiers',
    seats: [
      {
        organisationKey: 'bj_masm',
        function: 'Ministre des Affaires Sociales et de la Microfinance ou son représentant',
        role: 'president',
        voting: true,
        holders: [
          { personKey: 'bj_dircab', from: '2016-02-01', to: '2019-08-31' },
          { personKey: 'bj_sgm', from: '2019-09-01' },
        ],
      },
      {
        function: 'Chef de file des PTF genre et protection sociale',
        role: 'ptf_lead',
        voting: true,
        holders: [
          { personKey: 'bj_unfpa_1', from: '2016-01-15', to: '2019-06-30' },
          { personKey: 'bj_unicef', from: '2019-07-01' },
        ],
      },
      {
        organisationKey: 'bj_dpfg',
        function: 'Directrice de la Promotion de la Femme et du Genre',
        role: 'rapporteur',
        rank: 1,
        voting: true,
        holders: [
          { personKey: 'bj_dpfg_1', from: '2015-10-01', to: '2018-01-31' },
          { personKey: 'bj_dpfg_2', from: '2018-02-01', to: '2021-05-31' },
          { personKey: 'bj_dpfg_3', from: '2021-06-01' },
        ],
      },
      {
        organisationKey: 'bj_dgas',
        function: 'Chef du service de la protection sociale (DGAS)',
        role: 'rapporteur',
        rank: 2,
        voting: true,
        holders: [{ personKey: 'bj_dgas_ps', from: '2017-01-01' }],
      },
      {
        organisationKey: 'bj_dpfg',
        function: 'Service de la promotion du genre (DPFG)',
        role: 'secretariat',
        voting: false,
        holders: [{ personKey: 'bj_dpfg_sec', from: '2017-03-01' }],
      },
      {
        organisationKey: 'bj_msante',
        function: 'Point focal genre du Ministère de la Santé',
        role: 'member',
        voting: true,
        holders: [
          {
            personKey: 'bj_ms_pfg_1',
            from: '2016-03-01',
            to: '2023-06-30',
            note: 'Affectée à un autre poste',
          },
          { personKey: 'bj_ms_pfg_2', from: '2024-02-01' },
        ],
      },
      {
        organisationKey: 'bj_mdc',
        function:
          "Représentant du Ministère du Développement et de la Coordination de l'Action Gouvernementale",
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_mdc', from: '2018-01-01' }],
      },
      {
        organisationKey: 'bj_inf',
        function: "Présidente de l'Institut National de la Femme ou son représentant",
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_inf', from: '2022-01-10' }],
      },
      {
        organisationKey: 'bj_mdsc',
        function: 'Représentant des OSC de promotion du genre et de la protection sociale',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_mdsc', from: '2019-01-01' }],
      },
      {
        organisationKey: 'bj_offe',
        function: "Observatoire de la Famille, de la Femme et de l'Enfant",
        role: 'observer',
        voting: false,
        holders: [{ personKey: 'bj_offe', from: '2020-01-01' }],
      },
    ],
  },
  {
    key: 'bj_sg_genre',
    name: 'Sous-groupe Genre',
    kind: 'sub_group',
    level: 'national',
    countryCode: 'BJ',
    parentKey: 'bj_gtgps',
    legalBasis: {
      kind: 'order',
      number: '1846/MFASSHPTA/DC/SCMDPFG/SA',
      signatory: FAMILY_MINISTER,
      title:
        'Arrêté ministériel de 2015 portant attributions, organisation, fonctionnement et composition du ' +
        'sous-groupe Genre',
    },
    mandate:
      "Assurer la coordination, le suivi et l'évaluation de la mise en œuvre des politiques et stratégies dans " +
      "le domaine du genre : identifier les actions prioritaires en matière d'égalité et d'équité du genre ; " +
      "organiser des séances d'échanges avec le comité de pilotage du Conseil National de Promotion de l'Équité " +
      "et de l'Égalité du Genre (CNPEEG) sur la mise en œuvre de la Politique Nationale de Promotion du Genre " +
      "(PNPG) ; appuyer le CNPEEG dans la définition des orientations ; suivre les stratégies d'intervention " +
      "des acteurs (Gouvernement, PTF, OSC) ; améliorer l'efficacité des appuis des partenaires aux axes " +
      '« promotion du genre » et « promotion de la femme » de la SCRP.',
    secretariatOrganisationKey: 'bj_dpfg',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorum: { kind: 'majority_of_voting_seats' },
    fundingSource:
      'Budget du ministère en charge de la promotion du genre ; en pratique, financement des partenaires',
    seats: [
      {
        organisationKey: 'bj_masm',
        function: `${FAMILY_MINISTER} ou son représentant`,
        role: 'president',
        voting: true,
        holders: [
          { personKey: 'bj_dircab', from: '2016-02-01', to: '2019-08-31', note: 'Représentant du ministre' },
          {
            personKey: 'bj_dgas',
            from: '2019-09-01',
            note: 'Représente la Ministre des Affaires Sociales et de la Microfinance',
          },
        ],
      },
      {
        function: 'Chef de file des Partenaires Techniques et Financiers œuvrant dans le domaine du genre',
        role: 'vice_president',
        rank: 1,
        voting: true,
        holders: [
          { personKey: 'bj_unfpa_1', from: '2016-01-15', to: '2019-06-30' },
          { personKey: 'bj_ddc', from: '2019-07-01' },
        ],
      },
      {
        organisationKey: 'bj_dpfg',
        function: 'Directrice de la Promotion de la Femme et du Genre',
        role: 'rapporteur',
        rank: 1,
        voting: true,
        holders: [
          { personKey: 'bj_dpfg_1', from: '2015-10-01', to: '2018-01-31' },
          { personKey: 'bj_dpfg_2', from: '2018-02-01', to: '2021-05-31' },
          { personKey: 'bj_dpfg_3', from: '2021-06-01' },
        ],
      },
      {
        organisationKey: 'bj_dpfg',
        function: 'Service de la promotion du genre (DPFG)',
        role: 'secretariat',
        voting: false,
        holders: [{ personKey: 'bj_dpfg_sec', from: '2017-03-01' }],
      },
      {
        organisationKey: 'bj_inf',
        function: "Présidente de l'Institut National pour la Promotion de la Femme ou son représentant",
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_inf', from: '2022-01-10' }],
      },
      {
        organisationKey: 'bj_msante',
        function: 'Point focal genre du Ministère de la Santé',
        role: 'member',
        voting: true,
        holders: [
          {
            personKey: 'bj_ms_pfg_1',
            from: '2016-03-01',
            to: '2023-06-30',
            note: 'Affectée à un autre poste',
          },
          { personKey: 'bj_ms_pfg_2', from: '2024-02-01' },
        ],
      },
      {
        organisationKey: 'bj_mdc',
        function: 'Point focal genre du Ministère du Développement',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_mdc', from: '2018-01-01' }],
      },
      {
        organisationKey: 'bj_giz',
        function: 'Représentant des Partenaires Techniques et Financiers',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_giz', from: '2020-09-01' }],
      },
      {
        organisationKey: 'bj_mdsc',
        function: 'Représentant des Organisations de la Société Civile',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_mdsc', from: '2019-01-01' }],
      },
      {
        organisationKey: 'bj_offe',
        function: "Observatoire de la Famille, de la Femme et de l'Enfant (veille et alerte)",
        role: 'observer',
        voting: false,
        holders: [{ personKey: 'bj_offe', from: '2020-01-01' }],
      },
    ],
  },
  {
    key: 'bj_sg_ps',
    name: 'Sous-groupe Protection sociale',
    kind: 'sub_group',
    level: 'national',
    countryCode: 'BJ',
    parentKey: 'bj_gtgps',
    legalBasis: {
      kind: 'order',
      number: '3225/MFASSNHPTA/DC/SGM/DRFM/DPP/DASSN',
      date: '2012-09-28',
      signatory: FAMILY_MINISTER,
      title:
        'Arrêté ministériel portant création, attributions, organisation, fonctionnement et composition du ' +
        'sous-groupe Protection sociale',
    },
    mandate: 'Accompagner la mise en œuvre de toutes les politiques de protection sociale.',
    secretariatOrganisationKey: 'bj_dgas',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorum: { kind: 'majority_of_voting_seats' },
    createdOn: '2012-09-28',
    seats: [
      {
        organisationKey: 'bj_masm',
        function: 'Ministre en charge des Affaires sociales ou son représentant',
        role: 'president',
        voting: true,
        holders: [{ personKey: 'bj_dgas', from: '2017-01-01', note: 'Représente le ministre' }],
      },
      {
        function: 'Chef de file des PTF œuvrant dans le domaine de la protection sociale',
        role: 'vice_president',
        rank: 1,
        voting: true,
        holders: [
          { personKey: 'bj_bm', from: '2017-01-01', to: '2020-12-31' },
          { personKey: 'bj_unicef', from: '2021-01-01' },
        ],
      },
      {
        organisationKey: 'bj_dgas',
        function: 'Chef du service de la protection sociale (DGAS)',
        role: 'rapporteur',
        rank: 1,
        voting: true,
        holders: [{ personKey: 'bj_dgas_ps', from: '2017-01-01' }],
      },
      {
        organisationKey: 'bj_mdc',
        function: 'Représentant de la Direction Générale des Politiques de Développement',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_mdc', from: '2018-01-01' }],
      },
      {
        organisationKey: 'bj_msante',
        function: 'Représentant du Ministère de la Santé',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_ms_ps', from: '2017-01-01' }],
      },
      {
        organisationKey: 'bj_pam',
        function: 'Représentant du Programme Alimentaire Mondial',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_pam', from: '2019-04-01' }],
      },
      {
        organisationKey: 'bj_giz',
        function: 'Représentant de la GIZ',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_giz', from: '2020-09-01' }],
      },
      {
        organisationKey: 'bj_alafia',
        function: 'Représentant des faîtières de la microfinance',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_alafia', from: '2018-06-01' }],
      },
    ],
  },
  {
    key: 'bj_revue_borgou',
    name: 'Revue sectorielle départementale MASM-PTF/OSC du Borgou',
    kind: 'sector_review',
    level: 'regional',
    countryCode: 'BJ',
    territoryPcode: 'BJ04',
    links: [{ kind: 'feeds', targetKey: 'bj_commission_mixte' }],
    legalBasis: {
      kind: 'other',
      title: 'Document cadre de concertation/coopération MASM-PTF (2023)',
    },
    mandate:
      "Faire le point sur l'évolution du secteur des affaires sociales et de la microfinance dans le " +
      "département, la mise en œuvre des activités et des financements de l'année écoulée, et identifier les " +
      'priorités des prochaines années, avec les PTF/OSC ayant signé la convention de collaboration. Les ' +
      'données de la revue alimentent la revue annuelle de la Commission Mixte MASM-PTF/OSC.',
    secretariatOrganisationKey: 'bj_ddasm_borgou',
    periodicity: { kind: 'fixed_months', months: [6, 12] },
    quorum: { kind: 'none' },
    seats: [
      {
        organisationKey: 'bj_ddasm_borgou',
        function: 'Directeur départemental des Affaires Sociales et de la Microfinance du Borgou',
        role: 'president',
        voting: true,
        holders: [{ personKey: 'bj_ddasm', from: '2024-01-15' }],
      },
      {
        organisationKey: 'bj_ddasm_borgou',
        function: 'Chef du service de la planification et du suivi (DDASM Borgou)',
        role: 'rapporteur',
        rank: 1,
        voting: true,
        holders: [{ personKey: 'bj_ddasm_2', from: '2024-01-15' }],
      },
      {
        organisationKey: 'bj_pam',
        function: 'Représentant du Programme Alimentaire Mondial',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_pam', from: '2024-01-15' }],
      },
      {
        organisationKey: 'bj_mdsc',
        function: 'Représentant des OSC du Borgou ayant signé la convention de collaboration',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'bj_mdsc_borgou', from: '2024-01-15' }],
      },
      {
        organisationKey: 'bj_dpaf',
        function: 'Représentant de la DPAF (compilation des rapports pour le niveau central)',
        role: 'observer',
        voting: false,
        holders: [{ personKey: 'bj_ses', from: '2024-01-15' }],
      },
    ],
  },

  // ── Mali ──────────────────────────────────────────────────────────────────────────────────
  {
    key: 'ml_crocsad_koulikoro',
    name: "Comité Régional d'Orientation, de Coordination et de Suivi des Actions de Développement de Koulikoro",
    acronym: 'CROCSAD',
    kind: 'crocsad',
    level: 'regional',
    countryCode: 'ML',
    territoryPcode: 'ML02',
    legalBasis: {
      kind: 'decree',
      number: '08-095/P-RM',
      date: '2008-02-21',
      signatory: 'Président de la République',
      title:
        "Décret portant création des comités régionaux, locaux et communaux d'orientation, de coordination et " +
        'de suivi des actions de développement',
    },
    mandate:
      'Cadre de concertation régional : orienter, coordonner et suivre les actions de développement menées dans ' +
      "la région par les services de l'État, les collectivités territoriales, les partenaires techniques et " +
      'financiers et les organisations de la société civile, pour éviter gaps et doublons.',
    secretariatOrganisationKey: 'ml_gouv_koulikoro',
    periodicity: { kind: 'every_n_months', months: 6 },
    quorum: { kind: 'majority_of_voting_seats' },
    fundingSource:
      "Budget de l'État (Gouvernorat) ; appui de la coopération belge (programme MLI-BEL 2016-2019)",
    seats: [
      {
        organisationKey: 'ml_gouv_koulikoro',
        function: 'Gouverneur de la Région de Koulikoro',
        role: 'president',
        voting: true,
        holders: [
          { personKey: 'ml_gouv_1', from: '2015-03-01', to: '2019-04-30' },
          { personKey: 'ml_gouv_2', from: '2019-05-01' },
        ],
      },
      {
        organisationKey: 'ml_crk',
        function: 'Président du Conseil Régional de Koulikoro',
        role: 'vice_president',
        rank: 1,
        voting: true,
        holders: [{ personKey: 'ml_crk', from: '2016-12-15' }],
      },
      {
        organisationKey: 'ml_gouv_koulikoro',
        function: 'Conseiller aux affaires économiques et financières du Gouverneur',
        role: 'rapporteur',
        rank: 1,
        voting: true,
        holders: [{ personKey: 'ml_gouv_cons', from: '2017-01-01' }],
      },
      {
        organisationKey: 'ml_drdses_koulikoro',
        function: "Directeur régional du Développement Social et de l'Économie Solidaire",
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_drdses_k', from: '2016-01-01' }],
      },
      {
        organisationKey: 'ml_csa',
        function: 'Représentant régional du Commissariat à la Sécurité Alimentaire',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_csa', from: '2016-06-01' }],
      },
      {
        organisationKey: 'ml_cafo',
        function: 'Présidente de la coordination régionale de la CAFO',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_cafo', from: '2015-03-01' }],
      },
      {
        organisationKey: 'ml_ctb',
        function: 'Représentant de la CTB (programme de coopération Mali-Belgique)',
        role: 'observer',
        voting: false,
        holders: [
          {
            personKey: 'ml_ctb',
            from: '2016-09-01',
            to: '2019-12-31',
            note: 'Fin du programme MLI-BEL 2016-2019',
          },
        ],
      },
    ],
  },
  {
    key: 'ml_clocsad_ansongo',
    name: "Comité Local d'Orientation, de Coordination et de Suivi des Actions de Développement d'Ansongo",
    acronym: 'CLOCSAD',
    kind: 'clocsad',
    level: 'local',
    countryCode: 'ML',
    territoryPcode: 'ML0701',
    legalBasis: {
      kind: 'decree',
      number: '08-095/P-RM',
      date: '2008-02-21',
      signatory: 'Président de la République',
      title:
        "Décret portant création des comités régionaux, locaux et communaux d'orientation, de coordination et " +
        'de suivi des actions de développement',
    },
    mandate:
      'Espace de concertation et de capitalisation au niveau du cercle : remontée des informations vers le ' +
      "niveau national, descente des orientations pour l'adaptation des mesures d'appui technique et de la " +
      'programmation au niveau local (Code des collectivités territoriales, 2012).',
    secretariatOrganisationKey: 'ml_pref_ansongo',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorum: { kind: 'majority_of_voting_seats' },
    seats: [
      {
        organisationKey: 'ml_pref_ansongo',
        function: "Préfet du cercle d'Ansongo",
        role: 'president',
        voting: true,
        holders: ANSONGO_PREFECTS,
      },
      {
        organisationKey: 'ml_cc_ansongo',
        function: "Président du Conseil de cercle d'Ansongo",
        role: 'vice_president',
        rank: 1,
        voting: true,
        holders: [{ personKey: 'ml_cc', from: '2016-12-20' }],
      },
      {
        organisationKey: 'ml_sldses_ansongo',
        function: "Chef du Service Local du Développement Social et de l'Économie Solidaire",
        role: 'rapporteur',
        rank: 1,
        voting: true,
        holders: [{ personKey: 'ml_sldses', from: '2016-04-01' }],
      },
      {
        organisationKey: 'ml_mairie_ansongo',
        function: "Maire de la commune urbaine d'Ansongo",
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_maire', from: '2016-12-20' }],
      },
      {
        organisationKey: 'ml_csref_ansongo',
        function: "Médecin-chef du Centre de Santé de Référence d'Ansongo",
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_medecin', from: '2017-02-01' }],
      },
      {
        organisationKey: 'ml_crm',
        function: 'Président du comité local de la Croix-Rouge malienne',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_crm', from: '2015-09-01' }],
      },
      {
        organisationKey: 'ml_ocha',
        function: 'Point focal humanitaire',
        role: 'focal_point',
        voting: false,
        holders: [
          {
            personKey: 'ml_ocha_pf',
            from: '2018-07-01',
            note: "Siège ouvert après l'atelier de 2018 (lien entre le CLOCSAD et la coordination humanitaire)",
          },
        ],
      },
    ],
  },
  {
    key: 'ml_cvc_ansongo',
    name: "Comité de veille et de crise d'Ansongo",
    kind: 'crisis_committee',
    level: 'local',
    countryCode: 'ML',
    territoryPcode: 'ML0701',
    links: [{ kind: 'feeds', targetKey: 'ml_clocsad_ansongo' }],
    mandate:
      "Assurer un transfert rapide et fiable de l'information pertinente pour permettre une action immédiate en " +
      'cas de crise, en facilitant la coordination avec les autorités locales ; faire le lien avec les ' +
      'mécanismes gouvernementaux existants ; accompagner les ONG dans les évaluations et la réponse aux ' +
      'alertes du mécanisme de réponse rapide (RRM). Se réunit au moins deux fois par mois et immédiatement ' +
      "lorsqu'une crise est déclenchée.",
    secretariatOrganisationKey: 'ml_drdses_gao',
    periodicity: { kind: 'n_per_month', count: 2 },
    quorum: { kind: 'minimum_count', count: 4 },
    fundingSource: 'Mécanisme de réponse rapide (RRM) – ONG humanitaires partenaires',
    seats: [
      {
        organisationKey: 'ml_pref_ansongo',
        function: "Préfet du cercle d'Ansongo",
        role: 'president',
        voting: true,
        holders: ANSONGO_PREFECTS,
      },
      {
        organisationKey: 'ml_drdses_gao',
        function: 'Direction Régionale du Développement Social de Gao (secrétariat au niveau local)',
        role: 'secretariat',
        voting: false,
        holders: [{ personKey: 'ml_drdses_gao', from: '2016-05-01' }],
      },
      {
        organisationKey: 'ml_sldses_ansongo',
        function: 'Service Local du Développement Social',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_sldses', from: '2016-05-01' }],
      },
      {
        organisationKey: 'ml_pc_ansongo',
        function: 'Protection civile',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_pc', from: '2016-05-01' }],
      },
      {
        organisationKey: 'ml_csref_ansongo',
        function: 'Centre de Santé de Référence',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_medecin', from: '2017-02-01' }],
      },
      {
        organisationKey: 'ml_mairie_ansongo',
        function: 'Mairie',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_maire', from: '2016-12-20' }],
      },
      {
        function: 'Chef du chef-lieu de commune',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_chef_village', from: '2016-05-01' }],
      },
      {
        organisationKey: 'ml_cc_ansongo',
        function: 'Président du Conseil de cercle',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_cc', from: '2016-12-20' }],
      },
    ],
  },
  {
    key: 'ml_gt_ptf_ps',
    name: 'Groupe technique PTF ad hoc / Protection sociale',
    kind: 'technical_group',
    level: 'national',
    countryCode: 'ML',
    legalBasis: {
      kind: 'terms_of_reference',
      title: 'Termes de référence du groupe ad hoc PTF / Protection sociale',
    },
    mandate:
      'Coordination des partenaires techniques et financiers intervenant en protection sociale : dialogue avec ' +
      'la DNPSES sur la mise en œuvre de la Politique nationale de protection sociale (PNPS) et du Registre ' +
      'social unifié (RSU) ; analyse de la protection sociale sensible aux chocs dans les zones à accès ' +
      'difficile ; rapprochement avec le groupe PTF Santé et, une fois par trimestre, élargissement des ' +
      "échanges aux acteurs humanitaires avec l'appui d'OCHA.",
    secretariatOrganisationKey: 'ml_pam',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorum: { kind: 'none' },
    seats: [
      {
        function: 'Chef de file du groupe PTF protection sociale',
        role: 'ptf_lead',
        voting: true,
        holders: [
          { personKey: 'ml_pam_1', from: '2017-01-01', to: '2019-12-31' },
          { personKey: 'ml_unicef', from: '2020-01-01' },
        ],
      },
      {
        organisationKey: 'ml_pam',
        function: 'Représentant du Programme Alimentaire Mondial',
        role: 'member',
        voting: true,
        holders: [
          { personKey: 'ml_pam_2', from: '2020-01-01', note: 'Le PAM était représenté par le chef de file' },
        ],
      },
      {
        organisationKey: 'ml_bm',
        function: 'Représentant de la Banque mondiale',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_bm', from: '2017-01-01' }],
      },
      {
        organisationKey: 'ml_echo',
        function: 'Représentant de la DG ECHO (Commission européenne)',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'ml_echo', from: '2018-01-15' }],
      },
      {
        organisationKey: 'ml_ocha',
        function: "OCHA (facilitation, lien avec l'inter-cluster)",
        role: 'observer',
        voting: false,
        holders: [{ personKey: 'ml_ocha', from: '2018-06-01' }],
      },
      {
        organisationKey: 'ml_dnpses',
        function: "Direction Nationale de la Protection Sociale et de l'Économie Solidaire",
        role: 'observer',
        voting: false,
        holders: [{ personKey: 'ml_dnpses', from: '2016-10-01' }],
      },
    ],
  },

  // ── Sénégal ───────────────────────────────────────────────────────────────────────────────
  {
    key: 'sn_cadre_convergence',
    name: 'Cadre de concertation sur la convergence des interventions en protection sociale',
    kind: 'consultation_framework',
    level: 'national',
    countryCode: 'SN',
    legalBasis: {
      kind: 'terms_of_reference',
      title:
        "Termes de référence de l'atelier d'échanges « De la protection sociale à la croissance économique " +
        "inclusive : initiative conjointe pour la convergence locale et le changement d'échelle » (Dakar, " +
        '13-14 avril 2017)',
    },
    mandate:
      "Suivre la feuille de route adoptée à l'atelier de capitalisation de juin 2015 ; mettre en synergie les " +
      'interventions de protection sociale (filets sociaux) des acteurs institutionnels et de la société ' +
      'civile ; cartographier les interventions par département, identifier les zones de convergence et ' +
      "définir les trajectoires de changement d'échelle (axe 2 du PSE, Stratégie Nationale de Protection " +
      'Sociale).',
    secretariatOrganisationKey: 'sn_dgpsn',
    periodicity: { kind: 'as_needed' },
    quorum: { kind: 'none' },
    fundingSource: "DGPSN, avec l'appui du PAM",
    seats: [
      {
        organisationKey: 'sn_dgpsn',
        function: 'Délégué général à la Protection sociale et à la Solidarité nationale ou son représentant',
        role: 'president',
        voting: true,
        holders: [{ personKey: 'sn_dg', from: '2015-06-16' }],
      },
      {
        organisationKey: 'sn_pam',
        function: 'Représentant du Programme Alimentaire Mondial',
        role: 'vice_president',
        rank: 1,
        voting: true,
        holders: [{ personKey: 'sn_pam', from: '2015-06-16' }],
      },
      {
        organisationKey: 'sn_cicodev',
        function: 'Directeur exécutif de CICODEV Afrique ou son représentant',
        role: 'rapporteur',
        rank: 1,
        voting: true,
        holders: [{ personKey: 'sn_cicodev', from: '2017-04-13', note: 'Représente le Directeur exécutif' }],
      },
      {
        organisationKey: 'sn_secnsa',
        function: 'Secrétariat exécutif du Conseil National de Sécurité Alimentaire',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'sn_cnsa', from: '2017-04-13' }],
      },
      {
        organisationKey: 'sn_congad',
        function: 'Représentant du CONGAD',
        role: 'member',
        voting: true,
        holders: [{ personKey: 'sn_congad', from: '2017-04-13' }],
      },
    ],
  },
];

export const demoDataset: DemoDataset = { organisations, people, bodies };

/** The same day, or the Monday after when it falls on a weekend: sessions are held on working days. */
function workingDay(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(iso, 2) : day === 0 ? addDays(iso, 1) : iso;
}

/** The standard items of an ordinary session, timed from 9:00. */
function ordinaryAgenda(presentation: string, presenter: string): DemoAgendaItem[] {
  return [
    { kind: 'opening', title: 'Mot d’ouverture', startTime: '09:00', endTime: '09:15' },
    { kind: 'agenda_adoption', title: 'Adoption de l’ordre du jour', startTime: '09:15', endTime: '09:20' },
    {
      kind: 'minutes_adoption',
      title: 'Adoption du compte rendu de la dernière réunion',
      startTime: '09:20',
      endTime: '09:40',
    },
    {
      kind: 'recommendations_follow_up',
      title: 'Point de la mise en œuvre des recommandations de la dernière réunion',
      startTime: '09:40',
      endTime: '10:30',
      responsible: 'Secrétariat',
    },
    { kind: 'break', title: 'Pause-café', startTime: '10:30', endTime: '10:45' },
    {
      kind: 'presentation',
      title: presentation,
      startTime: '10:45',
      endTime: '11:45',
      responsible: presenter,
    },
    { kind: 'other_business', title: 'Divers', startTime: '11:45', endTime: '12:15' },
    { kind: 'closing', title: 'Clôture', startTime: '12:15', endTime: '12:30' },
  ];
}

/**
 * Sessions of the demonstration bodies, dated from `today` so the demonstration stays current:
 * last year the sous-groupe Genre held 2 of its 4 quarterly sessions (the seeds' finding) and
 * the CLOCSAD d'Ansongo held one and cancelled one; the sous-groupe's next session is convened.
 */
export function demoMeetings(today: string): DemoMeeting[] {
  const last = Number(today.slice(0, 4)) - 1;
  const d = (monthDay: string) => workingDay(`${last}-${monthDay}`);
  const convened = (start: string) => ({ action: 'convene' as const, convenedOn: addDays(start, -14) });

  const genre = bodies.find((b) => b.key === 'bj_sg_genre')?.periodicity ?? { kind: 'as_needed' };
  const nextPlanned =
    [...plannedSessionDates(genre, last + 1), ...plannedSessionDates(genre, last + 2)].find(
      (date) => date >= today,
    ) ?? today;
  // A week after the planned day, as secretariats usually manage (and never on 1 January).
  const nextStart = workingDay(addDays(nextPlanned, 7));
  const nextConvened = addDays(nextStart, -14) < today ? addDays(nextStart, -14) : today;

  const genrePlace = 'Salle de réunion de la DPFG, Cotonou';
  const ansongoPlace = 'Salle de conférence de la Préfecture d’Ansongo';
  const held = [{ action: 'hold' as const }];
  return [
    {
      bodyKey: 'bj_sg_genre',
      kind: 'ordinary',
      plannedDate: `${last}-04-01`,
      startDate: d('04-09'),
      startTime: '09:00',
      endTime: '12:30',
      place: genrePlace,
      steps: [convened(d('04-09')), ...held, { action: 'close' }],
      agenda: ordinaryAgenda('Présentation du plan de travail annuel du sous-groupe', 'DPFG'),
    },
    {
      bodyKey: 'bj_sg_genre',
      kind: 'ordinary',
      plannedDate: `${last}-10-01`,
      startDate: d('10-15'),
      startTime: '09:00',
      endTime: '12:30',
      place: genrePlace,
      steps: [convened(d('10-15')), ...held],
      agenda: ordinaryAgenda('Bilan à mi-parcours de la Politique Nationale de Promotion du Genre', 'OFFE'),
    },
    {
      bodyKey: 'bj_gtgps',
      cohostKeys: ['bj_sg_genre', 'bj_sg_ps'],
      kind: 'validation',
      title: 'Atelier de validation du rapport annuel Genre et Protection sociale',
      startDate: d('11-25'),
      endDate: addDays(d('11-25'), 1),
      startTime: '08:30',
      endTime: '16:30',
      place: 'Hôtel du Lac, Cotonou',
      fundingSource: 'UNFPA',
      steps: [convened(d('11-25')), ...held],
    },
    {
      bodyKey: 'ml_clocsad_ansongo',
      kind: 'ordinary',
      plannedDate: `${last}-01-01`,
      startDate: d('01-22'),
      startTime: '09:00',
      endTime: '13:00',
      place: ansongoPlace,
      steps: [convened(d('01-22')), ...held, { action: 'close' }],
    },
    {
      bodyKey: 'ml_clocsad_ansongo',
      kind: 'ordinary',
      plannedDate: `${last}-07-01`,
      startDate: d('07-10'),
      startTime: '09:00',
      endTime: '13:00',
      place: ansongoPlace,
      steps: [convened(d('07-10')), { action: 'cancel', reason: 'insécurité sur l’axe Gao–Ansongo' }],
    },
    {
      bodyKey: 'bj_sg_genre',
      kind: 'ordinary',
      plannedDate: nextPlanned,
      startDate: nextStart,
      startTime: '09:00',
      endTime: '12:30',
      place: genrePlace,
      steps: [{ action: 'convene', convenedOn: nextConvened }],
      agenda: ordinaryAgenda('Préparation de la revue sectorielle annuelle', 'DPFG'),
    },
  ];
}

/** A follow-up update of a demonstration recommendation. */
export interface DemoRecommendationUpdate {
  date: string;
  status: RecommendationStatus;
  progress?: number;
  comment?: string;
  actionsTaken?: string;
  /** Recorded at the body's demo session starting that day; otherwise from a follow-up sheet. */
  atMeetingStart?: string;
}
export interface DemoRecommendation {
  bodyKey: string;
  kind?: RecommendationKind;
  text: string;
  theme?: string;
  originKind: RecommendationOrigin;
  /** The body's demo session it was made at (its first day); none: recorded directly. */
  originMeetingStart?: string;
  leadOrganisationKey?: string;
  associatedOrganisationKeys?: string[];
  /** null: "sans échéance". */
  dueDate: string | null;
  priority?: RecommendationPriority;
  updates?: DemoRecommendationUpdate[];
  /** Transmitted to this parent body once its updates are recorded. */
  transmitToKey?: string;
}

/**
 * Recommendations of the demonstration bodies, made at their demo sessions (the Commission
 * Mixte, which has none in the demo, records its own directly) and dated from `today`: some
 * done with the actions taken, some overdue, one postponed when the CLOCSAD's July session was
 * cancelled, and one the sous-groupe Genre cannot settle alone, transmitted to the GTGPS. The
 * texts follow the seeds' findings and recommendations (Bénin coordination framework, Mali
 * study on social protection in hard-to-reach areas).
 */
export function demoRecommendations(today: string): DemoRecommendation[] {
  const last = Number(today.slice(0, 4)) - 1;
  const sessions = demoMeetings(today);
  const start = (bodyKey: string, plannedDate?: string) =>
    sessions.find(
      (m) => m.bodyKey === bodyKey && (plannedDate === undefined || m.plannedDate === plannedDate),
    )?.startDate;
  const genreApril = start('bj_sg_genre', `${last}-04-01`);
  const genreOctober = start('bj_sg_genre', `${last}-10-01`) ?? `${last}-10-15`;
  const workshop = start('bj_gtgps') ?? `${last}-11-25`;
  const ansongoJanuary = start('ml_clocsad_ansongo', `${last}-01-01`);

  return [
    // ── Sous-groupe Genre, session of April ────────────────────────────────────────────────
    {
      bodyKey: 'bj_sg_genre',
      text:
        'Rendre fonctionnels les comités départementaux de promotion du genre présidés par les préfets, ' +
        'chacun avec un plan de travail annuel',
      theme: 'Coordination',
      originKind: 'meeting',
      originMeetingStart: genreApril,
      leadOrganisationKey: 'bj_dpfg',
      associatedOrganisationKeys: ['bj_masm'],
      dueDate: `${last}-12-31`,
      priority: 'high',
      updates: [
        {
          date: genreOctober,
          atMeetingStart: genreOctober,
          status: 'in_progress',
          progress: 40,
          comment: 'Six comités départementaux sur douze ont tenu leur session d’installation.',
        },
      ],
    },
    {
      bodyKey: 'bj_sg_genre',
      text: 'Élaborer le bilan annuel des progrès de la promotion du genre et le présenter au CNPEEG',
      theme: 'Suivi-évaluation',
      originKind: 'meeting',
      originMeetingStart: genreApril,
      leadOrganisationKey: 'bj_dpfg',
      associatedOrganisationKeys: ['bj_offe', 'bj_inf'],
      dueDate: `${last}-09-30`,
      updates: [
        {
          date: `${last}-06-20`,
          status: 'in_progress',
          progress: 50,
          comment: 'Collecte des données auprès des points focaux genre terminée.',
        },
        {
          date: genreOctober,
          atMeetingStart: genreOctober,
          status: 'done',
          actionsTaken:
            'Bilan annuel élaboré par la DPFG avec l’appui de l’INF, validé en atelier et transmis au CNPEEG.',
        },
      ],
    },
    {
      bodyKey: 'bj_sg_genre',
      text:
        'Mettre à la disposition du sous-groupe les résultats des actions genre menées par les points focaux ' +
        'de chaque ministère sectoriel, avec les projections pour les mois à venir',
      theme: 'Partage de l’information',
      originKind: 'meeting',
      originMeetingStart: genreApril,
      leadOrganisationKey: 'bj_dpfg',
      associatedOrganisationKeys: ['bj_msante', 'bj_mdc'],
      dueDate: `${last}-07-31`,
      updates: [
        {
          date: genreOctober,
          atMeetingStart: genreOctober,
          status: 'partially_done',
          progress: 60,
          comment: 'Quatre ministères sectoriels sur sept ont transmis leurs résultats.',
        },
      ],
    },
    // ── Sous-groupe Genre, session of October ──────────────────────────────────────────────
    {
      bodyKey: 'bj_sg_genre',
      text:
        'Plaider auprès du Gouvernement pour la mobilisation des ressources financières allouées à la mise ' +
        'en œuvre de la Politique Nationale de Promotion du Genre',
      theme: 'Financement',
      originKind: 'meeting',
      originMeetingStart: genreOctober,
      leadOrganisationKey: 'bj_masm',
      associatedOrganisationKeys: ['bj_unfpa'],
      dueDate: addDays(today, 90),
      priority: 'high',
      transmitToKey: 'bj_gtgps',
    },
    {
      bodyKey: 'bj_sg_genre',
      text:
        'Proposer la révision de l’arrêté portant attributions, organisation et fonctionnement du sous-groupe ' +
        'Genre afin d’en alléger la composition',
      theme: 'Cadre institutionnel',
      originKind: 'meeting',
      originMeetingStart: genreOctober,
      leadOrganisationKey: 'bj_dpfg',
      dueDate: addDays(today, 45),
      updates: [
        {
          date: addDays(today, -20),
          status: 'in_progress',
          progress: 25,
          comment: 'Projet d’arrêté rédigé, dans le circuit de signature.',
        },
      ],
    },
    // ── GTGPS, validation workshop of November ─────────────────────────────────────────────
    {
      bodyKey: 'bj_gtgps',
      text:
        'Rendre fonctionnels les sous-groupes thématiques Genre et Protection sociale : réunions trimestrielles ' +
        'et plans de travail annuels',
      theme: 'Coordination',
      originKind: 'plenary',
      originMeetingStart: workshop,
      leadOrganisationKey: 'bj_masm',
      associatedOrganisationKeys: ['bj_dpfg', 'bj_dgas'],
      dueDate: addDays(today, -30),
      priority: 'high',
      updates: [
        {
          date: addDays(today, -15),
          status: 'in_progress',
          progress: 30,
          comment:
            'Le sous-groupe Protection sociale a repris ses réunions ; le sous-groupe Genre les suivra.',
        },
      ],
    },
    {
      bodyKey: 'bj_gtgps',
      text: 'Élaborer un répertoire des partenaires et de leurs interventions (3W) en matière de genre et de protection sociale',
      theme: 'Cartographie des interventions',
      originKind: 'plenary',
      originMeetingStart: workshop,
      leadOrganisationKey: 'bj_unfpa',
      associatedOrganisationKeys: ['bj_unicef', 'bj_dgas'],
      dueDate: addDays(today, 60),
    },
    {
      bodyKey: 'bj_gtgps',
      kind: 'decision',
      text: 'Intégrer des données désagrégées par sexe dans le rapport annuel Genre et Protection sociale avant sa diffusion',
      theme: 'Suivi-évaluation',
      originKind: 'plenary',
      originMeetingStart: workshop,
      leadOrganisationKey: 'bj_dgas',
      associatedOrganisationKeys: ['bj_inf'],
      dueDate: addDays(workshop, 30),
      updates: [
        {
          date: addDays(workshop, 21),
          status: 'done',
          actionsTaken:
            'Tableaux désagrégés par sexe ajoutés par la DGAS avec l’INF ; rapport validé diffusé aux membres.',
        },
      ],
    },
    // ── CLOCSAD d'Ansongo, session of January ──────────────────────────────────────────────
    {
      bodyKey: 'ml_clocsad_ansongo',
      text:
        'Établir la cartographie de qui fait quoi où (matrice 3W) des interventions de protection sociale ' +
        'dans le cercle d’Ansongo et la partager chaque trimestre',
      theme: 'Cartographie des interventions',
      originKind: 'meeting',
      originMeetingStart: ansongoJanuary,
      leadOrganisationKey: 'ml_ocha',
      associatedOrganisationKeys: ['ml_sldses_ansongo'],
      dueDate: `${last}-04-30`,
      updates: [
        {
          date: `${last}-05-20`,
          status: 'partially_done',
          progress: 50,
          comment: 'Matrice établie pour quatre communes sur sept ; l’accès reste difficile dans les autres.',
        },
      ],
    },
    {
      bodyKey: 'ml_clocsad_ansongo',
      text:
        'Assurer l’enregistrement des ONG intervenant dans le cercle auprès des services techniques de l’État ' +
        '(conventions sectorielles)',
      theme: 'Coordination',
      originKind: 'meeting',
      originMeetingStart: ansongoJanuary,
      leadOrganisationKey: 'ml_sldses_ansongo',
      associatedOrganisationKeys: ['ml_pref_ansongo'],
      dueDate: `${last}-06-30`,
      updates: [
        {
          date: `${last}-07-12`,
          status: 'postponed',
          comment: 'Reportée : la session de juillet a été annulée (insécurité sur l’axe Gao–Ansongo).',
        },
      ],
    },
    {
      bodyKey: 'ml_clocsad_ansongo',
      kind: 'commitment',
      text: 'Mettre en place un comité local de suivi budgétaire sous la responsabilité du préfet',
      theme: 'Suivi budgétaire',
      originKind: 'meeting',
      originMeetingStart: ansongoJanuary,
      leadOrganisationKey: 'ml_pref_ansongo',
      associatedOrganisationKeys: ['ml_cc_ansongo', 'ml_mairie_ansongo'],
      dueDate: `${last}-09-30`,
      updates: [
        { date: `${last}-03-15`, status: 'in_progress', progress: 30 },
        {
          date: `${last}-09-10`,
          status: 'done',
          actionsTaken:
            'Décision préfectorale portant création du comité prise ; première réunion tenue avec le conseil de ' +
            'cercle et la mairie.',
        },
      ],
    },
    // ── Commission Mixte MASM-PTF/OSC, recorded directly ───────────────────────────────────
    {
      bodyKey: 'bj_commission_mixte',
      kind: 'decision',
      text:
        'Organiser les revues sectorielles départementales MASM-PTF/OSC (juin et décembre) sous l’égide des CPS ' +
        'pour nourrir la revue annuelle',
      theme: 'Revues sectorielles',
      originKind: 'direct',
      leadOrganisationKey: 'bj_dpaf',
      associatedOrganisationKeys: ['bj_ddasm_borgou'],
      dueDate: addDays(today, 120),
    },
    {
      bodyKey: 'bj_commission_mixte',
      kind: 'commitment',
      text:
        'Mettre en place une procédure unique de signature des conventions de partenariat entre le MASM et ' +
        'les PTF/OSC',
      theme: 'Partenariat',
      originKind: 'direct',
      leadOrganisationKey: 'bj_dpaf',
      associatedOrganisationKeys: ['bj_mdsc'],
      dueDate: addDays(today, -15),
      priority: 'high',
      updates: [
        {
          date: today,
          status: 'in_progress',
          progress: 50,
          comment: 'Projet de procédure examiné par le cabinet du ministre.',
        },
      ],
    },
  ];
}
