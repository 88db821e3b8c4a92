// Touchpoints beyond the website lined up across audits by stage and channel: did each site's
// courier call ahead, did each chat answer? One row per (stage, channel) that any audit has a
// touchpoint in, in the stage alignment's row order, then channel order; a site without one there
// is `missing` in its cell. Pure.
import type { Step } from '../model.ts';
import { CHANNELS, type Channel } from '../touchpoints.ts';
import type { Alignment } from './align.ts';

export interface TouchpointCell {
  /** This audit's touchpoint steps of the row's stage and channel, in journey order. */
  steps: Step[];
  missing: boolean;
}

export interface TouchpointRow {
  /** Stage id; null for touchpoints without a stage. */
  stage: string | null;
  channel: Channel;
  /** One cell per audit, in the order the audits were given. */
  cells: TouchpointCell[];
}

export function alignTouchpoints(alignment: Alignment): TouchpointRow[] {
  const rows: TouchpointRow[] = [];
  for (const row of alignment.rows) {
    for (const channel of CHANNELS) {
      const cells = row.cells.map((cell) => {
        const steps = cell.steps.filter((s) => s.kind === 'touchpoint' && (s.channel ?? 'other') === channel);
        return { steps, missing: steps.length === 0 };
      });
      if (cells.some((c) => !c.missing)) rows.push({ stage: row.stage, channel, cells });
    }
  }
  return rows;
}
