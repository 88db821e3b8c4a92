// Back navigations (METHOD.md "Signals": browser back/forward into this step). Pure helpers: the
// content script reads the strings from the page and passes them in.
//
// - A full page load: PerformanceNavigationTiming.type, from
//   performance.getEntriesByType('navigation')[0]?.type: 'navigate' | 'reload' |
//   'back_forward' | 'prerender'. Only 'back_forward' is a back navigation.
// - A page restored from the back/forward cache: the `pageshow` event with persisted === true is
//   a back navigation too (its navigation entry still says how it was first loaded).
// - A same-document (SPA) history step: the Navigation API's `navigate` event (Chrome 102+) with
//   navigationType === 'traverse' is a back/forward move; 'push', 'replace' and 'reload' are not.
//   (`popstate` is not used: it also fires for same-page fragment links.)
//
// Back and forward both count: the browser does not tell them apart, and either means the
// shopper went over ground already covered.

export type NavigationKind = 'navigate' | 'reload' | 'back_forward' | 'prerender' | 'unknown';

/** Normalises a PerformanceNavigationTiming.type (or the legacy performance.navigation.type number). */
export function classifyNavigation(type: unknown): NavigationKind {
  if (type === 'navigate' || type === 'reload' || type === 'back_forward' || type === 'prerender') return type;
  // Legacy PerformanceNavigation: 0 navigate, 1 reload, 2 back_forward.
  if (type === 0) return 'navigate';
  if (type === 1) return 'reload';
  if (type === 2) return 'back_forward';
  return 'unknown';
}

/** How a step was entered, as far as the content script can see. */
export type StepEntry =
  | { source: 'load'; type: unknown }
  | { source: 'pageshow'; persisted: boolean }
  | { source: 'navigate-event'; navigationType: string };

/** Whether entering the step this way is a back navigation (METHOD.md). */
export function isBackNavigation(entry: StepEntry): boolean {
  switch (entry.source) {
    case 'load':
      return classifyNavigation(entry.type) === 'back_forward';
    case 'pageshow':
      return entry.persisted;
    case 'navigate-event':
      return entry.navigationType === 'traverse';
  }
}

/** Counts the back navigations among a step's entries. */
export function countBackNavigations(entries: readonly StepEntry[]): number {
  return entries.reduce((n, e) => n + (isBackNavigation(e) ? 1 : 0), 0);
}
