/** Dates of reminder chips and task dues in the tenant's time zone (reminders are ms timestamps). */

export interface ZonedDate {
  date: string;
  time: string;
}

/** The calendar date and HH:MM of an instant in an IANA time zone. */
export function zoned(ms: number, timeZone: string): ZonedDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The instant of a local date and time (HH:MM, default midnight) in an IANA time zone. */
export function instant(date: string, time: string | null, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = (time && /^\d\d:\d\d$/.test(time) ? time : '00:00').split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the zone's offset, also next to a daylight-saving change.
  let guess = asUtc - offsetMs(asUtc, timeZone);
  guess = asUtc - offsetMs(guess, timeZone);
  return guess;
}

function offsetMs(ms: number, timeZone: string): number {
  const z = zoned(ms, timeZone);
  const [y, m, d] = z.date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = z.time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh, mm) - Math.floor(ms / 60_000) * 60_000;
}
