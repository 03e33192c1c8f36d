/** A user-facing failure: printed as one line `minutes: <message>`, exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** The first line of an error's message, for one-line reports of unexpected failures. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return line.trim() || (error instanceof Error ? error.name : 'unknown error');
}
