import type { TFunction } from 'i18next';
import { THREE_W_FIELDS, type ThreeWField } from '../../../shared/partners/fields';
import type { Batch } from '../../../shared/rpc/partners';

// Small shared wordings of the import screens.

/** "Nom de l'organisation" for a 3W field code. */
export function fieldLabel(t: TFunction, field: ThreeWField): string {
  return t(`imports.fields.${field}`);
}

/** Options of the mapping select, in the order the contract lists the fields. */
export function fieldOptions(t: TFunction): { value: string; label: string }[] {
  return THREE_W_FIELDS.map((field) => ({ value: field, label: fieldLabel(t, field) }));
}

/** "12 créées, 3 mises à jour, 0 inchangées, 1 rejetées" */
export function countsText(t: TFunction, counts: Batch['counts']): string {
  return t('imports.history.countsText', counts);
}

/** The first 12 hex digits: enough to tell two files apart at a glance. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** Largest file accepted through the page, in megabytes, for the refusal message. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
