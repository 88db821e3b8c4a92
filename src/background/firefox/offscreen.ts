// Firefox twin of ../chrome/offscreen.ts: Firefox has no offscreen documents, and needs none. Its
// background is an event page with a DOM, so the thumbnailer draws there (image.ts, drawThumbnailHere).

export function hasOffscreenDocuments(): boolean {
  return false;
}

export function openOffscreenDocument(_path: string, _justification: string): Promise<void> {
  return Promise.reject(new Error('Firefox has no offscreen documents'));
}

export function closeOffscreenDocument(): Promise<void> {
  return Promise.resolve();
}
