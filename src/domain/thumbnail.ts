// The thumbnail stored beside each screenshot: its size and JPEG quality, the same wherever it is drawn
// (the offscreen document, or the service worker when that document is not there).
export const THUMB_WIDTH = 320;
export const THUMB_QUALITY = 0.7;

export function thumbSize(width: number, height: number): { thumbWidth: number; thumbHeight: number } {
  const thumbWidth = Math.min(THUMB_WIDTH, width);
  return { thumbWidth, thumbHeight: Math.max(1, Math.round((height * thumbWidth) / width)) };
}
