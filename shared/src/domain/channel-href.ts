import type { ChannelKind } from '../schemas/channel.ts';
import { isHttpUrl } from '../schemas/url.ts';
import { epuapProfileUrl, parseEpuapAddress } from './epuap.ts';

/**
 * The link a reader taps to use a channel, or undefined when a channel is read, not followed
 * (a postal address, an office). Only `tel:`, `mailto:`, `http:` and `https:` are produced.
 */
export function channelHref(channel: {
  kind: ChannelKind;
  value: string;
  extension?: string | undefined;
}): string | undefined {
  switch (channel.kind) {
    case 'phone':
      // RFC 3966: the extension is a parameter of the tel: URI.
      return channel.extension ? `tel:${channel.value};ext=${channel.extension}` : `tel:${channel.value}`;
    case 'email':
      return `mailto:${channel.value}`;
    case 'epuap': {
      const address = parseEpuapAddress(channel.value);
      return address ? epuapProfileUrl(address.office) : undefined;
    }
    case 'web':
      return isHttpUrl(channel.value) ? channel.value : undefined;
    default:
      return undefined;
  }
}
