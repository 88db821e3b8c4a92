// Where a frame's viewport sits in the top viewport, one iframe at a time: pure arithmetic, so the
// same sum serves a same-origin frame (which reads its iframe elements itself) and a cross-origin
// one (whose parent measures the iframe and tells it; see frame-place.ts).

/** A frame viewport's origin in CSS px of the top viewport, and its CSS px per top CSS px. */
export interface FrameOrigin {
  x: number;
  y: number;
  scale: number;
}

export const TOP_ORIGIN: FrameOrigin = { x: 0, y: 0, scale: 1 };

/** An iframe element as its parent frame measures it. */
export interface IframeMeasure {
  /** getBoundingClientRect() in the parent's viewport: a CSS transform is applied. */
  left: number;
  top: number;
  width: number;
  /** offsetWidth: the untransformed border-box width, so width / layoutWidth is the transform's scale. */
  layoutWidth: number;
  borderLeft: number;
  borderTop: number;
  paddingLeft: number;
  paddingTop: number;
}

/**
 * The origin of the document inside `frame`, given its parent's origin. The iframe's border and
 * padding are in untransformed px, so a scale transform on the iframe scales them and the content
 * alike (rotation and skew are not modelled: their boxes would be wrong and the check refuses).
 */
export function childOrigin(parent: FrameOrigin, frame: IframeMeasure): FrameOrigin {
  const own = frame.layoutWidth > 0 && frame.width > 0 ? frame.width / frame.layoutWidth : 1;
  return {
    x: parent.x + parent.scale * (frame.left + own * (frame.borderLeft + frame.paddingLeft)),
    y: parent.y + parent.scale * (frame.top + own * (frame.borderTop + frame.paddingTop)),
    scale: parent.scale * own,
  };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Boxes in a frame's CSS px moved into the top viewport's CSS px. */
export function boxesInTop<B extends Box>(boxes: readonly B[], origin: FrameOrigin): B[] {
  return boxes.map((b) => ({
    ...b,
    x: origin.x + b.x * origin.scale,
    y: origin.y + b.y * origin.scale,
    width: b.width * origin.scale,
    height: b.height * origin.scale,
  }));
}
