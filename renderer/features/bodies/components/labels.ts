import type { TFunction } from 'i18next';
import { formatDate } from '../../../../shared/domain/dates';
import { ordinal } from '../../../../shared/domain/seats';
import { type Language, RANKED_ROLES, type SeatRole } from '../../../../shared/domain/vocabularies';
import type { Body } from '../../../../shared/rpc/bodies';

/** "GTGPS — Groupe thématique…", or the name alone when the body has no acronym. */
export function bodyTitle(body: { name: string; acronym: string | null }): string {
  return body.acronym ? `${body.acronym} — ${body.name}` : body.name;
}

/** "1er vice-président(e)", "2e rapporteur", "Membre": the rank only where protocol numbers it. */
export function seatRoleLabel(t: TFunction, lang: Language, role: SeatRole, rank: number | null): string {
  if (rank !== null && RANKED_ROLES.includes(role)) {
    return t(`bodies.seat.ranked.${role}`, { ordinal: ordinal(rank, lang) });
  }
  return t(`vocab.seatRole.${role}`);
}

/**
 * The legal basis in one line, as it is cited in letters:
 * "Arrêté N° 1846/MFASSHPTA/DC/SCMDPFG/SA du 12 mars 2015, signé par le Ministre…".
 * Null when nothing was recorded.
 */
export function legalBasisLine(t: TFunction, lang: Language, basis: Body['legalBasis']): string | null {
  const parts: string[] = [];
  if (basis.kind) parts.push(t(`vocab.legalBasisKind.${basis.kind}`));
  if (basis.number) {
    // Secretaries write "N° 1846/…" or just "1846/…"; cite it the same way either way.
    parts.push(
      /^n\s*[°o]/i.test(basis.number)
        ? basis.number
        : t('bodies.detail.legalNumber', { number: basis.number }),
    );
  }
  let line = parts.join(' ');
  if (basis.date) {
    const date = formatDate(basis.date, lang);
    line = line ? t('bodies.detail.legalDated', { text: line, date }) : date;
  }
  if (basis.signatory) {
    line = line ? t('bodies.detail.legalSigned', { text: line, name: basis.signatory }) : basis.signatory;
  }
  return line || null;
}
