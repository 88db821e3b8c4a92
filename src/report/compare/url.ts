// Where the compare tab lives, for the library's "Compare" action:
//   chrome.tabs.create({ url: chrome.runtime.getURL(comparePagePath(ids)) })
import { MAX_AUDITS, MIN_AUDITS } from '../../domain/compare/index.ts';

/** The compare page inside the extension (crxjs keeps the source path in the build). */
export const COMPARE_PAGE = 'src/report/compare/compare.html';

/** "src/report/compare/compare.html?audits=id1,id2" for 2 to 4 distinct audit ids, in the order given. */
export function comparePagePath(ids: readonly string[]): string {
  const unique = [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];
  if (unique.length < MIN_AUDITS || unique.length > MAX_AUDITS) {
    throw new RangeError(`Compare ${MIN_AUDITS} to ${MAX_AUDITS} audits, not ${unique.length}.`);
  }
  return `${COMPARE_PAGE}?audits=${unique.map(encodeURIComponent).join(',')}`;
}
