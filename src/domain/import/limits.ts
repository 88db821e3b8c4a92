// Limits of what an import accepts. Chosen so that any audit Peakend can record fits with room to
// spare (a 5,000-step journey with one 1-2 MB screenshot per step stays far below them), while a
// hostile or broken file is refused before it costs memory: the whole-file size is checked before
// reading, and every zip entry's declared size before anything is decompressed.

export interface ImportLimits {
  /** The file as picked or dropped; checked from `size` before reading a byte. */
  maxFileBytes: number;
  /** The JSON text (a .json file, or audit.json inside the zip). */
  maxJsonBytes: number;
  /** Sum of the declared uncompressed sizes of every zip entry. */
  maxTotalUncompressed: number;
  /** Declared uncompressed size of one zip entry. */
  maxEntryBytes: number;
  /** Entries in the zip (files and folders). */
  maxEntries: number;
  /** Uncompressed / compressed size of one entry, checked for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Characters of one free-text field (note, title, comment, URL ...). */
  maxTextChars: number;
  /** Characters of an id. */
  maxIdChars: number;
  maxSteps: number;
  maxScreenshots: number;
  maxFindingsPerStep: number;
  maxMarks: number;
  maxMaskSelectors: number;
  /** Channel probes of one audit, and replies of one probe. */
  maxProbes: number;
  maxRepliesPerProbe: number;
  /** Any other list (derived score lists, completeness items). */
  maxListItems: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 250 * MiB,
  maxJsonBytes: 64 * MiB,
  maxTotalUncompressed: 1024 * MiB,
  maxEntryBytes: 50 * MiB,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioFloorBytes: 1 * MiB,
  maxTextChars: 100_000,
  maxIdChars: 128,
  maxSteps: 5_000,
  maxScreenshots: 10_000,
  maxFindingsPerStep: 500,
  maxMarks: 1_000,
  maxMaskSelectors: 500,
  maxProbes: 5_000,
  maxRepliesPerProbe: 500,
  maxListItems: 50_000,
};
