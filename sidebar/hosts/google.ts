/**
 * The Apps Script host: each operation is a top-level server function of the same name, called through
 * google.script.run with the protocol's request object (or nothing).
 */
import type { HostApi } from '../../src/core/app/protocol';
import { bindHostApi } from './api';
import { toHostError } from './errors';

type Handler = (value: unknown) => void;
interface ScriptRunner {
  withSuccessHandler(handler: Handler): ScriptRunner;
  withFailureHandler(handler: Handler): ScriptRunner;
  [fn: string]: unknown;
}
interface GoogleScope {
  script: { run: ScriptRunner };
}

export function createGoogleHost(google: GoogleScope, fallbackMessage: () => string): HostApi {
  const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const runner = google.script.run
        .withSuccessHandler((value) => {
          // A server function may also report a failure as a returned `{ error: HostError }`.
          if (typeof value === 'object' && value !== null && 'error' in value && (value as { error: unknown }).error) reject(toHostError(value, fallbackMessage()));
          else resolve(value as T);
        })
        .withFailureHandler((error) => reject(toHostError(error, fallbackMessage())));
      const fn = runner[name];
      if (typeof fn !== 'function') {
        reject(toHostError(null, fallbackMessage()));
        return;
      }
      (fn as (...a: unknown[]) => void).apply(runner, args);
    });
  return bindHostApi(call);
}
