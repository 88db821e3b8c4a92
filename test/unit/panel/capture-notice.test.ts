import { beforeAll, describe, expect, it } from 'vitest';
import { captureNotice } from '../../../src/panel/components/StepCard.tsx';
import { loadEnglish } from './harness.tsx';

beforeAll(loadEnglish);

describe('captureNotice', () => {
  it('says nothing for a capture that went ahead without frames that did not load', () => {
    expect(
      captureNotice(
        { status: 'ok', skippedFrames: [{ url: 'https://ads.test/', reason: 'not-loaded' }] },
        'https://shop.test/',
      ),
    ).toBe(null);
  });

  it('names the frame that did not answer by its host', () => {
    expect(
      captureNotice(
        { status: 'failed', reason: 'frame-silent', frames: ['https://pay.test:8443/card?x=1'] },
        'https://shop.test/',
      ),
    ).toBe(
      'No screenshot: a frame from pay.test:8443 did not answer, so its sensitive fields could not be covered. Press Capture to try again.',
    );
  });

  it('tells a silent page from covers painted late', () => {
    expect(captureNotice({ status: 'failed', reason: 'page-silent' }, 'https://shop.test/')).toMatch(
      /^No screenshot: the page did not answer/,
    );
    expect(captureNotice({ status: 'failed', reason: 'mask-not-painted' }, 'https://shop.test/')).toMatch(
      /were not on screen in time/,
    );
  });
});
