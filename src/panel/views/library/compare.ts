// Choosing 2-4 audits to compare side by side on the compare page.

/** The compare page (a colleague's); ids are encoded, commas separate them. */
export const comparePath = (ids: readonly string[]): string =>
  `src/report/compare/compare.html?audits=${ids.map(encodeURIComponent).join(',')}`;

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

/** The selection after ticking (on) or unticking an audit; a fifth is not taken. */
export const toggleSelected = (ids: string[], id: string, on: boolean): string[] =>
  on ? (ids.includes(id) || ids.length >= COMPARE_MAX ? ids : [...ids, id]) : ids.filter((x) => x !== id);

export const canCompare = (ids: readonly string[]): boolean => ids.length >= COMPARE_MIN && ids.length <= COMPARE_MAX;
