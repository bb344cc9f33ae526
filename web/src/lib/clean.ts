// Drops empty strings, null and undefined from a flat object so optional API fields are omitted.
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined || entry === null) continue;
    if (typeof entry === 'string' && entry.trim() === '') continue;
    (out as Record<string, unknown>)[key] = typeof entry === 'string' ? entry.trim() : entry;
  }
  return out;
}
