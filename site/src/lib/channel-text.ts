import { type Channel, formatPhoneForDisplay } from '@tablica/shared';

/** How a channel's address reads on the page: phones grouped for the eye, the rest as typed. */
export function channelDisplayValue(channel: Channel): string {
  return channel.kind === 'phone' || channel.kind === 'sms' ? formatPhoneForDisplay(channel.value) : channel.value;
}
