// Which frames of a tab a capture must wait for. The top page names its iframes that lie wholly
// outside the viewport: the browser does not render those (their covers would wait for a paint that
// never comes) and they are not in the pixels. Everything inside such an iframe is outside too.

export interface FrameRef {
  frameId: number;
  parentFrameId: number;
  url: string;
}

/** The frames to await: the top frame, and every frame not inside an iframe the top names offscreen. */
export function framesToAwait(frames: readonly FrameRef[], offscreenUrls: readonly string[]): number[] {
  const offscreen = new Set(offscreenUrls);
  const parentOf = new Map(frames.map((f) => [f.frameId, f]));
  const outside = (frame: FrameRef): boolean => {
    const seen = new Set<number>();
    for (
      let f: FrameRef | undefined = frame;
      f && f.frameId !== 0 && !seen.has(f.frameId);
      f = parentOf.get(f.parentFrameId)
    ) {
      seen.add(f.frameId);
      if (f.parentFrameId === 0 && offscreen.has(f.url)) return true;
    }
    return false;
  };
  return frames.filter((f) => f.frameId === 0 || !outside(f)).map((f) => f.frameId);
}
