/** ISO-8601 UTC timestamp for created_at / updated_at / history. */
export function nowIso(): string {
  return new Date().toISOString();
}
