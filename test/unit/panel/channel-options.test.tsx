// @vitest-environment jsdom
// The channel selects of Start probe and Add touchpoint: one option a channel, in the order given,
// valued by the channel and named in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROBE_CHANNELS } from '../../../src/domain/probes.ts';
import { CHANNELS, type Channel } from '../../../src/domain/touchpoints.ts';
import { ChannelOptions } from '../../../src/panel/components/ChannelLabel.tsx';
import type { FakeBackend } from './fake-backend.ts';
import { freshPanelTest, mount, unmountAll } from './harness.tsx';

let backend: FakeBackend;
beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

/** The options of a select of `channels`, as rendered. */
function rendered(channels: readonly Channel[]): HTMLOptionElement[] {
  const { container } = mount(
    backend,
    <select>
      <ChannelOptions channels={channels} />
    </select>,
  );
  return [...container.querySelectorAll('option')];
}

describe('ChannelOptions', () => {
  it('offers each channel given, in order, by value and name', () => {
    const options = rendered(PROBE_CHANNELS);
    expect(options.map((o) => o.value)).toEqual([...PROBE_CHANNELS]);
    expect(options.find((o) => o.value === 'email')?.textContent).toBe('E-mail or web form');
  });

  it('offers every touchpoint channel for a touchpoint', () => {
    expect(rendered(CHANNELS).map((o) => o.value)).toEqual([...CHANNELS]);
  });
});
