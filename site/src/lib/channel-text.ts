import { type Channel, channelHref, formatPhoneForDisplay, type Locale, mainPhoneChannel } from '@tablica/shared';
import { UI } from './i18n/ui.ts';

/** How a channel's address reads on the page: phones grouped for the eye, the rest as typed. */
export function channelDisplayValue(channel: Channel): string {
  return channel.kind === 'phone' || channel.kind === 'sms' ? formatPhoneForDisplay(channel.value) : channel.value;
}

/**
 * A channel in one line of plain text, for outputs without markup (CAP's contact, plain-text
 * forms): "Sekretariat: +48 12 616 55 80 wew. 214 (godziny: pn–pt 8–15; tylko sprawy pilne)".
 */
export function channelLine(channel: Channel, locale: Locale): string {
  const ui = UI[locale];
  const value = channel.extension
    ? `${channelDisplayValue(channel)} ${ui.extension} ${channel.extension}`
    : channelDisplayValue(channel);
  const details = [channel.hours && `${ui.hours}: ${channel.hours}`, channel.note].filter(Boolean).join('; ');
  return `${channel.label}: ${value}${details ? ` (${details})` : ''}`;
}

/** The notice's main phone: the preferred channel if it is a phone, else the first phone. */
export function mainPhone(channels: readonly Channel[]): (Channel & { href: string }) | undefined {
  const main = mainPhoneChannel(channels);
  const href = main && channelHref(main);
  return main && href ? { ...main, href } : undefined;
}
