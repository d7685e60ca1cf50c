import ICAL from 'ical.js';
import nodeIcal from 'node-ical';

/**
 * Test helper: a calendar as two independent parsers read it (ical.js, as in Thunderbird's
 * lineage, and node-ical with its own RRULE engine), reduced to what a subscriber sees: which
 * events are there, and when each occurrence starts and ends.
 */
export interface Occurrence {
  uid: string;
  status: string;
  allDay: boolean;
  /** All-day: the first day ("2026-11-22"); timed: the instant, ISO. */
  start: string;
  /** Exclusive: the day after the last, or the end instant. */
  end: string;
}

/** A day as "2026-11-22", a time as its ISO instant. */
const timeText = (time: ICAL.Time) => (time.isDate ? time.toString() : time.toJSDate().toISOString());

/** An occurrence's bounds as instants (all-day days taken at UTC midnight: windows here are weeks wide). */
const instantOf = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);

/** Occurrences between `from` and `horizon`, read by ical.js (VTIMEZONEs registered from the file itself). */
export function readWithIcalJs(text: string, from: Date, horizon: Date): Occurrence[] {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return root.getAllSubcomponents('vevent').flatMap((component) => {
    const event = new ICAL.Event(component);
    const base = { uid: event.uid, status: String(component.getFirstPropertyValue('status')) };
    const shape = (start: ICAL.Time, end: ICAL.Time): Occurrence => ({
      ...base,
      allDay: start.isDate,
      start: timeText(start),
      end: timeText(end),
    });
    const occurrences: Occurrence[] = [];
    if (!event.isRecurring()) occurrences.push(shape(event.startDate, event.endDate));
    const iterator = event.isRecurring() ? event.iterator() : undefined;
    for (let next = iterator?.next(); next && instantOf(timeText(next)) < horizon; next = iterator?.next()) {
      const details = event.getOccurrenceDetails(next);
      occurrences.push(shape(details.startDate, details.endDate));
    }
    return occurrences.filter(({ start, end }) => instantOf(end) > from && instantOf(start) < horizon);
  });
}

/** The same, read by node-ical (all-day days read in the zone node-ical attaches, UTC otherwise). */
export function readWithNodeIcal(text: string, from: Date, horizon: Date): Occurrence[] {
  const parsed = nodeIcal.sync.parseICS(text);
  return Object.values(parsed).flatMap((entry) => {
    if (entry?.type !== 'VEVENT') return [];
    const instances = nodeIcal.expandRecurringEvent(entry, {
      from,
      to: new Date(horizon.getTime() - 1),
      expandOngoing: true,
    });
    return instances.map((instance) => {
      const localDay = (date: Date) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: (date as Date & { tz?: string }).tz ?? 'UTC' }).format(date);
      return {
        uid: entry.uid,
        status: String(entry.status),
        allDay: instance.isFullDay,
        start: instance.isFullDay ? localDay(instance.start) : instance.start.toISOString(),
        end: instance.isFullDay ? localDay(instance.end) : instance.end.toISOString(),
      };
    });
  });
}
