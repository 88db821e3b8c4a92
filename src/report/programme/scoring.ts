// The name of this build's scoring code, which every stored score summary carries (see
// src/store/score-cache.ts): set by vite.config.ts from a hash of src/domain. Code run outside a
// build (a script under tsx) has no name for it, and stores and trusts only its own summaries.
declare const __PEAKEND_SCORING__: string | undefined;

export const SCORING_REVISION: string = typeof __PEAKEND_SCORING__ === 'string' ? __PEAKEND_SCORING__ : 'unbuilt';
