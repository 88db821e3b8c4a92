// Which frames of a tab a capture must wait for. Two kinds are not waited for, and are named with
// their reason in the capture record:
// - a frame the browser could not load (its address was refused, as by an ad blocker, or the frame
//   refused to be framed: X-Frame-Options, CSP frame-ancestors). Chromium shows its own error page
//   there, which no content script can enter, so it would never answer; and it shows nothing typed.
//   webNavigation's errorOccurred says so for the frame's current document (an aborted navigation
//   that leaves the old document in place does not set it: checked in Chromium 156).
// - a frame that says it is wholly outside the top-level viewport (its content script asks an
//   IntersectionObserver): the browser does not render it (its covers would wait for a paint that
//   never comes) and it is not in the pixels. Everything inside such a frame is outside too.
// Frames are told apart by frame id, never by address: two frames may load the same one, and an
// off-screen twin must not take an in-view frame out of the wait.
import type { SkippedFrame } from '../../domain/model.ts';

export interface FrameRef {
  frameId: number;
  parentFrameId: number;
  url: string;
  /** True when the browser shows its error page in this frame (webNavigation.getAllFrames). */
  errorOccurred?: boolean;
}

export interface FrameWait {
  /** The frames to await: the top frame always. */
  awaited: number[];
  skipped: Array<SkippedFrame & { frameId: number }>;
}

export function planFrameWait(frames: readonly FrameRef[], outsideIds: readonly number[]): FrameWait {
  const offscreen = new Set(outsideIds);
  const parentOf = new Map(frames.map((f) => [f.frameId, f]));
  const outside = (frame: FrameRef): boolean => {
    const seen = new Set<number>();
    for (
      let f: FrameRef | undefined = frame;
      f && f.frameId !== 0 && !seen.has(f.frameId);
      f = parentOf.get(f.parentFrameId)
    ) {
      seen.add(f.frameId);
      if (offscreen.has(f.frameId)) return true;
    }
    return false;
  };
  const plan: FrameWait = { awaited: [], skipped: [] };
  for (const f of frames) {
    if (f.frameId === 0) plan.awaited.push(0);
    else if (f.errorOccurred) plan.skipped.push({ frameId: f.frameId, url: f.url, reason: 'not-loaded' });
    else if (outside(f)) plan.skipped.push({ frameId: f.frameId, url: f.url, reason: 'offscreen' });
    else plan.awaited.push(f.frameId);
  }
  return plan;
}
