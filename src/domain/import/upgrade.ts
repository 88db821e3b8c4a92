// Earlier export versions, brought to the current one before they are checked, so a file exported
// by any released Peakend still imports. Each step is its own function, so an integrator who bumps
// the version again adds one more after it.
import { isPlainObject } from './shape.ts';

/**
 * Version 1 → 2: version 2 added touchpoint steps (optional `kind`, `channel`, `occurredAt` on a
 * step: a step without them is a page, as every version-1 step is) and the `attachments` list,
 * which a version-1 file cannot have. Anything else in the file is left for the checks to judge.
 */
export function upgradeExportV1toV2(value: Record<string, unknown>): Record<string, unknown> {
  return { ...value, version: 2, attachments: [] };
}

/** Version 2 → 3: version 3 added the audit's channel probes, which a version-2 file cannot have. */
export function upgradeExportV2toV3(value: Record<string, unknown>): Record<string, unknown> {
  return { ...value, version: 3, probes: [] };
}

/** The upgrades by the version they start from. */
const UPGRADES: ReadonlyMap<number, (value: Record<string, unknown>) => Record<string, unknown>> = new Map([
  [1, upgradeExportV1toV2],
  [2, upgradeExportV2toV3],
]);

/** Whether a file of this version can be brought to the current one. */
export const canUpgrade = (version: unknown): boolean => typeof version === 'number' && UPGRADES.has(version);

/** Applies every upgrade from the file's version to `current`; a current file comes back as it was. */
export function upgradeExport(value: unknown, current: number): unknown {
  let out = value;
  while (isPlainObject(out) && typeof out.version === 'number' && out.version < current) {
    const step = UPGRADES.get(out.version);
    if (!step) break;
    out = step(out);
  }
  return out;
}
