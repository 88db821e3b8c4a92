// @vitest-environment jsdom
// A step's image while its thumbnail is drawn after the screenshot was stored: the screenshot itself
// first, then the thumbnail once the record says it is in; the first image's URL is let go only once
// the thumbnail has loaded, never while it may still be loading (a revoked URL under a loading image
// is a "Failed to load resource" in the panel).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendContext } from '../../../src/panel/context.ts';
import { Thumbnail } from '../../../src/panel/components/Thumbnail.tsx';
import type { Screenshot } from '../../../src/domain/model.ts';
import { openPeakendDb } from '../../../src/store/index.ts';
import { freshPanelTest, mount, unmountAll, waitFor } from './harness.tsx';
import type { FakeBackend } from './fake-backend.ts';

const shot: Screenshot = {
  id: 'shot_1',
  auditId: 'aud_1',
  stepId: 'stp_1',
  takenAt: '2026-12-05T10:00:00.000Z',
  mime: 'image/jpeg',
  width: 1280,
  height: 800,
  bytes: 1000,
  sha256: 'ab'.repeat(32),
  thumbWidth: 320,
  thumbHeight: 200,
  thumbBytes: 0,
  masked: true,
  maskedFields: 0,
};

let backend: FakeBackend;
let made: Array<{ url: string; kind: string }>;
let revoked: string[];
const realCreate = URL.createObjectURL.bind(URL);
const realRevoke = URL.revokeObjectURL.bind(URL);

beforeEach(async () => {
  backend = freshPanelTest();
  made = [];
  revoked = [];
  // jsdom has no object URLs: each is numbered in the order it was made.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${made.length + 1}`;
    made.push({ url, kind: blob.type });
    return url;
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
  const db = await openPeakendDb();
  await db.put('blobs', { shotId: shot.id, kind: 'full', blob: new Blob(['full'], { type: 'image/jpeg' }) });
});

afterEach(async () => {
  await unmountAll();
  URL.createObjectURL = realCreate;
  URL.revokeObjectURL = realRevoke;
});

describe('Thumbnail', () => {
  it('shows the screenshot, then its thumbnail once stored, letting the first go only after the swap loaded', async () => {
    const { container } = mount(backend, <Thumbnail shot={shot} />);
    const img = () => container.querySelector<HTMLImageElement>('img.thumb')!;
    await waitFor(() => {
      if (img().getAttribute('src') !== 'blob:test/1') throw new Error('no image yet');
    });

    // The worker stores the thumbnail and the record's thumbBytes; the panel re-renders the card.
    const db = await openPeakendDb();
    await db.put('blobs', { shotId: shot.id, kind: 'thumb', blob: new Blob(['thumb'], { type: 'image/jpeg' }) });
    render(
      <BackendContext.Provider value={backend}>
        <Thumbnail shot={{ ...shot, thumbBytes: 5 }} />
      </BackendContext.Provider>,
      container,
    );
    await waitFor(() => {
      if (img().getAttribute('src') !== 'blob:test/2') throw new Error('not swapped yet');
    });
    expect(made).toHaveLength(2);
    // The first image may still be loading: its URL stays until the thumbnail has loaded.
    expect(revoked).toEqual([]);
    img().dispatchEvent(new Event('load'));
    expect(revoked).toEqual(['blob:test/1']);
  });
});
