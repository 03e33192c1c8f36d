/**
 * The optional background sync: one hourly time-driven trigger per user and document (editor add-ons may not
 * run time triggers more often, nor keep more than one per user per document).
 */
export const HOURLY_HANDLER = 'hourlySync';

export function hourlyTriggers(doc: GoogleAppsScript.Document.Document): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(doc).filter((t) => t.getHandlerFunction() === HOURLY_HANDLER);
}

/** Installs or removes the trigger so that it exists exactly when `on`. */
export function setHourlySync(doc: GoogleAppsScript.Document.Document, on: boolean): void {
  const existing = hourlyTriggers(doc);
  if (on && existing.length === 0) {
    ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
  } else if (!on) {
    for (const t of existing) ScriptApp.deleteTrigger(t);
  }
}
