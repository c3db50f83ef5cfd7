import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../shared/domain/text';
import {
  INTERVENTION_ROLES,
  INTERVENTION_STATUSES,
  ORGANISATION_KINDS,
  SECTORS,
  SYNONYM_KINDS,
  type SynonymKind,
} from '../../shared/domain/vocabularies';
import { DEFAULT_SYNONYMS, lookupSynonym } from '../../shared/partners/synonyms';

const CODES: Record<SynonymKind, readonly string[]> = {
  sector: SECTORS,
  organisation_kind: ORGANISATION_KINDS,
  intervention_status: INTERVENTION_STATUSES,
  intervention_role: INTERVENTION_ROLES,
};

describe('DEFAULT_SYNONYMS', () => {
  it.each(SYNONYM_KINDS)('%s: keys are folded and values are vocabulary codes', (kind) => {
    const table = DEFAULT_SYNONYMS[kind];
    expect(Object.keys(table).length).toBeGreaterThan(5);
    for (const [key, code] of Object.entries(table)) {
      expect(foldForSearch(key)).toBe(key);
      expect(CODES[kind]).toContain(code);
    }
  });

  it.each(SYNONYM_KINDS)('%s: every code is reachable by its own code', (kind) => {
    for (const code of CODES[kind]) {
      if (kind === 'organisation_kind' && !Object.values(DEFAULT_SYNONYMS[kind]).includes(code)) continue;
      expect(lookupSynonym(kind, code)).toBe(code);
    }
  });
});

describe('lookupSynonym', () => {
  it.each<[SynonymKind, string, string | null]>([
    ['sector', 'Eau hygiène assainissement', 'wash'],
    ['sector', 'EAU, HYGIÈNE ET ASSAINISSEMENT', 'wash'],
    ['sector', 'EHA', 'wash'],
    ['sector', 'WASH', 'wash'],
    ['sector', 'Eau et assainissement', 'wash'],
    ['sector', 'EHA (WASH)', 'wash'],
    ['sector', 'Sécurité alimentaire', 'food_security'],
    ['sector', 'securite alimentaire', 'food_security'],
    ['sector', 'SA', 'food_security'],
    ['sector', 'Food Security', 'food_security'],
    ['sector', 'FSL', 'food_security'],
    ['sector', "Sécurité alimentaire et moyens d'existence", 'food_security'],
    ['sector', 'Sécurité alimentaire et moyens d’existence', 'food_security'],
    ['sector', 'Santé', 'health'],
    ['sector', 'Health', 'health'],
    ['sector', 'Santé (Health)', 'health'],
    ['sector', 'Nutrition', 'nutrition'],
    ['sector', 'Éducation', 'education'],
    ['sector', 'Education', 'education'],
    ['sector', 'Protection', 'protection'],
    ['sector', "Protection de l'enfance", 'child_protection'],
    ['sector', 'PE', 'child_protection'],
    ['sector', 'Child Protection', 'child_protection'],
    ['sector', 'VBG', 'gbv'],
    ['sector', 'Violences basées sur le genre', 'gbv'],
    ['sector', 'GBV', 'gbv'],
    ['sector', 'Abris', 'shelter_nfi'],
    ['sector', 'NFI', 'shelter_nfi'],
    ['sector', 'Abris/NFI', 'shelter_nfi'],
    ['sector', 'Abris et biens non alimentaires', 'shelter_nfi'],
    ['sector', 'ANA', 'shelter_nfi'],
    ['sector', 'Shelter', 'shelter_nfi'],
    ['sector', 'Relèvement précoce', 'early_recovery'],
    ['sector', 'Early Recovery', 'early_recovery'],
    ['sector', 'Logistique', 'logistics'],
    ['sector', 'CCCM', 'camp_management'],
    ['sector', 'Coordination et gestion des camps', 'camp_management'],
    ['sector', 'Protection sociale', 'social_protection'],
    ['sector', 'Filets sociaux', 'social_protection'],
    ['sector', 'Social protection', 'social_protection'],
    ['sector', 'Microfinance', 'microfinance'],
    ['sector', 'Coordination', 'coordination'],
    ['sector', 'Astronomie', null],
    ['sector', '', null],
    ['organisation_kind', 'ONG nat', 'national_ngo'],
    ['organisation_kind', 'ONG Nationale', 'national_ngo'],
    ['organisation_kind', 'OSC', 'national_ngo'],
    ['organisation_kind', 'NNGO', 'national_ngo'],
    ['organisation_kind', 'ONG int', 'international_ngo'],
    ['organisation_kind', 'ONGI', 'international_ngo'],
    ['organisation_kind', 'INGO', 'international_ngo'],
    ['organisation_kind', 'ONG internationale', 'international_ngo'],
    ['organisation_kind', 'Agence UN', 'un_agency'],
    ['organisation_kind', 'Agence des Nations unies', 'un_agency'],
    ['organisation_kind', 'UN', 'un_agency'],
    ['organisation_kind', 'Service étatique', 'decentralised_service'],
    ['organisation_kind', 'Service technique déconcentré', 'decentralised_service'],
    ['organisation_kind', 'Gouvernement', 'decentralised_service'],
    ['organisation_kind', 'État', 'decentralised_service'],
    ['organisation_kind', 'Ministère', 'ministry'],
    ['organisation_kind', 'Ministère de la Santé', 'ministry'],
    ['organisation_kind', 'Bailleur', 'bilateral_partner'],
    ['organisation_kind', 'PTF bilatéral', 'bilateral_partner'],
    ['organisation_kind', 'Multilatéral', 'multilateral_partner'],
    ['organisation_kind', 'Croix-Rouge', 'red_cross_movement'],
    ['organisation_kind', 'CICR', 'red_cross_movement'],
    ['organisation_kind', 'Mouvement Croix Rouge', 'red_cross_movement'],
    ['intervention_status', 'Planifié', 'planned'],
    ['intervention_status', 'planifiée', 'planned'],
    ['intervention_status', 'Prévu', 'planned'],
    ['intervention_status', 'Pipeline', 'planned'],
    ['intervention_status', 'En cours', 'ongoing'],
    ['intervention_status', 'Ongoing', 'ongoing'],
    ['intervention_status', 'Actif', 'ongoing'],
    ['intervention_status', 'Active', 'ongoing'],
    ['intervention_status', 'Terminé', 'completed'],
    ['intervention_status', 'Terminée', 'completed'],
    ['intervention_status', 'Achevé', 'completed'],
    ['intervention_status', 'Clôturé', 'completed'],
    ['intervention_status', 'Completed', 'completed'],
    ['intervention_status', 'Closed', 'completed'],
    ['intervention_status', 'Fini', 'completed'],
    ['intervention_status', 'Suspendu', 'suspended'],
    ['intervention_status', 'En pause', 'suspended'],
    ['intervention_status', 'Suspended', 'suspended'],
    ['intervention_status', 'En cours.', 'ongoing'],
    ['intervention_role', 'Mise en œuvre', 'implementation'],
    ['intervention_role', 'mise en oeuvre', 'implementation'],
    ['intervention_role', 'Implementation', 'implementation'],
    ['intervention_role', 'Implementing partner', 'implementation'],
    ['intervention_role', 'Partenaire de mise en œuvre', 'implementation'],
    ['intervention_role', 'Financement', 'funding'],
    ['intervention_role', 'Bailleur', 'funding'],
    ['intervention_role', 'Donor', 'funding'],
    ['intervention_role', 'Funding', 'funding'],
    ['intervention_role', 'Programmation', 'programming'],
    ['intervention_role', 'Programming', 'programming'],
    ['intervention_role', 'Agence de programmation', 'programming'],
  ])('%s: %s → %s', (kind, text, code) => {
    expect(lookupSynonym(kind, text)).toBe(code);
  });

  it('user synonyms override the defaults and add new terms', () => {
    const user = { eha: 'other', 'hydraulique villageoise': 'wash' };
    expect(lookupSynonym('sector', 'EHA', user)).toBe('other');
    expect(lookupSynonym('sector', 'Hydraulique villageoise', user)).toBe('wash');
    expect(lookupSynonym('sector', 'Hydraulique villageoise')).toBeNull();
    expect(lookupSynonym('sector', 'WASH', user)).toBe('wash');
  });

  it('ignores inherited object keys', () => {
    expect(lookupSynonym('sector', 'constructor')).toBeNull();
    expect(lookupSynonym('sector', 'toString')).toBeNull();
  });
});
