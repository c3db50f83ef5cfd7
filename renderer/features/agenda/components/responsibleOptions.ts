import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { compareFr, foldForSearch } from '../../../../shared/domain/text';

/**
 * Choices for a "Responsable" multi-select. The chosen ones show a short label (the acronym, the
 * person's name) so that a row stays narrow; the list shows, and typing searches, the full one
 * ("DGPSN — Direction générale de la protection sociale", "Awa Diallo — PAM").
 */
export interface ResponsibleOptions {
  data: ComboboxItem[];
  full: ReadonlyMap<string, string>;
  filter: OptionsFilter;
}

export function responsibleOptions(
  items: Iterable<{ value: string; short: string; full: string; sort?: string }>,
): ResponsibleOptions {
  const list = [...items].sort((a, b) => compareFr(a.sort ?? a.full, b.sort ?? b.full));
  const full = new Map(list.map((i) => [i.value, i.full]));
  const folded = new Map(list.map((i) => [i.value, foldForSearch(`${i.short} ${i.full}`)]));
  const filter: OptionsFilter = ({ options, search, limit }) => {
    const words = foldForSearch(search).split(/\s+/).filter(Boolean);
    const found: ComboboxParsedItem[] = [];
    for (const option of options) {
      if (found.length >= limit) break;
      if ('group' in option) continue;
      const text = folded.get(option.value) ?? foldForSearch(option.label);
      if (words.every((w) => text.includes(w))) found.push(option);
    }
    return found;
  };
  return { data: list.map((i) => ({ value: i.value, label: i.short })), full, filter };
}
