/** "Dr Awa Traoré": civility, first name and last name, skipping the empty parts. */
export function personName(p: { title: string | null; firstName: string; lastName: string }): string {
  return [p.title, p.firstName, p.lastName].filter((part) => part && part.trim() !== '').join(' ');
}
