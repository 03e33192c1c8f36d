import type { HostError, HostErrorCode } from '../../src/core/app/protocol';

const CODES: readonly HostErrorCode[] = ['no_template', 'locked', 'quota', 'rate_limited', 'service_missing', 'permission', 'unauthenticated', 'not_found', 'invalid', 'unavailable', 'internal'];

export function isHostError(value: unknown): value is HostError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<HostError>;
  return typeof v.code === 'string' && (CODES as readonly string[]).includes(v.code) && typeof v.message === 'string' && typeof v.retryable === 'boolean';
}

/**
 * Whatever a host call failed with, as a HostError. A host error may arrive as the object itself, as
 * `{ error: HostError }`, or as an Error whose message is the JSON of one (google.script.run passes only
 * the message). Anything else becomes a generic sentence: raw messages may hold stack traces.
 */
export function toHostError(failure: unknown, fallback: string): HostError {
  if (isHostError(failure)) return failure;
  if (typeof failure === 'object' && failure !== null && isHostError((failure as { error?: unknown }).error)) return (failure as { error: HostError }).error;
  const message = failure instanceof Error ? failure.message : typeof failure === 'string' ? failure : '';
  const parsed = parseHostError(message);
  if (parsed) return parsed;
  return { code: 'internal', message: fallback, retryable: true };
}

function parseHostError(text: string): HostError | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  try {
    const value: unknown = JSON.parse(text.slice(start));
    if (isHostError(value)) return value;
    if (typeof value === 'object' && value !== null && isHostError((value as { error?: unknown }).error)) return (value as { error: HostError }).error;
  } catch {
    return null;
  }
  return null;
}
