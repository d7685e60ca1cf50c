import type { Channel } from '../schemas/channel.ts';

/**
 * The one number to give when there is room for one (a call button, the widget, an SMS, a radio
 * script): the preferred channel if it is a phone, else the first phone.
 */
export function mainPhoneChannel(channels: readonly Channel[]): Channel | undefined {
  const phones = channels.filter((channel) => channel.kind === 'phone');
  return phones.find((channel) => channel.preferred) ?? phones[0];
}
