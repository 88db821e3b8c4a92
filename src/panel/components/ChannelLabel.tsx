import type { Channel } from '../../domain/touchpoints.ts';
import { t, type MessageKey } from '../../i18n/t.ts';

/** A glyph for each channel, beside (never instead of) its name. */
const GLYPH: Record<Channel, string> = {
  phone: '☎',
  chat: '💬',
  email: '✉',
  messaging: '📱',
  video: '📹',
  delivery: '📦',
  'in-store': '🏬',
  other: '•',
};

export const channelName = (channel: Channel): string => t(`channel_${channel.replace('-', '_')}_name` as MessageKey);

/** A channel select's options, one a channel, each by its name. */
export function ChannelOptions({ channels }: { channels: readonly Channel[] }) {
  return (
    <>
      {channels.map((c) => (
        <option value={c} key={c}>
          {channelName(c)}
        </option>
      ))}
    </>
  );
}

export function ChannelLabel({ channel }: { channel: Channel }) {
  return (
    <span class={`channel channel--${channel}`} data-channel={channel}>
      <span class="channel__glyph" aria-hidden="true">
        {GLYPH[channel]}
      </span>
      {channelName(channel)}
    </span>
  );
}
