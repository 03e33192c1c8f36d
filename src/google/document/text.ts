/** Text as DocumentApp returns it, normalised for the core. */

/** Soft line breaks arrive as '\r', '\r\n' or '\v' depending on the runtime; the core expects '\n'. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n|\r|\v/g, '\n');
}

/** A person chip's display name: the name when set, else the email's local part (the name may be '' or null). */
export function personName(name: string | null | undefined, email: string): string {
  const n = (name ?? '').trim();
  if (n) return n;
  const at = email.indexOf('@');
  return at > 0 ? email.slice(0, at) : email;
}

/**
 * A date chip's calendar date. The chip displays its timestamp in UTC ("The display value uses the UTC
 * timezone"), so the UTC date is the date the reader sees — not the script's or the user's time zone.
 */
export function chipDate(timestamp: Date): string {
  return new Date(timestamp.getTime()).toISOString().slice(0, 10);
}
