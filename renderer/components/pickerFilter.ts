import { type ComboboxItem, type ComboboxParsedItem, isOptionsGroup } from '@mantine/core';
import { foldForSearch } from '../../shared/domain/text';

function matches(item: ComboboxItem, words: string[]): boolean {
  const label = foldForSearch(item.label);
  return words.every((word) => label.includes(word));
}

/**
 * Accent- and case-insensitive filter for Mantine selects: "senegal" finds "Sénégal", and every
 * typed word must appear somewhere ("sante min" finds "Ministère de la Santé").
 */
export function foldFilter({
  options,
  search,
  limit,
}: {
  options: ComboboxParsedItem[];
  search: string;
  limit: number;
}): ComboboxParsedItem[] {
  const words = foldForSearch(search).split(/\s+/).filter(Boolean);
  const result: ComboboxParsedItem[] = [];
  for (const option of options) {
    if (result.length >= limit) break;
    if (isOptionsGroup(option)) {
      const items = option.items.filter((item) => matches(item, words));
      if (items.length > 0) result.push({ ...option, items });
    } else if (matches(option, words)) {
      result.push(option);
    }
  }
  return result;
}
