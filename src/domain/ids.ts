// Ids are random UUIDs with a readable prefix, so an id in a bug report says what it names.
export function newId(prefix: 'aud' | 'stp' | 'sht' | 'fnd' | 'att' | 'prb'): string {
  return `${prefix}_${globalThis.crypto.randomUUID()}`;
}
