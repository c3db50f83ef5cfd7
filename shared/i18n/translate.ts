import { fr } from './fr';

/**
 * Looks up a dotted key in the French catalogue and fills {{params}}. Used by the backend to
 * put a French message in every error; the renderer uses i18next with the same catalogues.
 */
export function translateFr(key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = fr;
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in node) node = (node as Record<string, unknown>)[part];
    else return key;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
