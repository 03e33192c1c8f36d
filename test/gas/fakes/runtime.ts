import type { AuthModeName } from './enums';
import type { FakeClock } from './clock';
import { Realm } from './realm';

export type ExecutionContext = 'user' | 'trigger';

/** Thrown inside the fakes; converted to a realm `Exception` at the service boundary. */
export class FakeServiceError extends Error {
  constructor(message: string, readonly errorName = 'Exception', readonly extra?: Record<string, unknown>) {
    super(message);
  }
}

/** Shared, mutable state of one simulated Apps Script project: who runs, how, and when. */
export class Runtime {
  user: string;
  context: ExecutionContext;
  authMode: AuthModeName;
  /** false = no containing document (standalone script / web app): document-scoped services return null. */
  bound = true;
  readonly clock: FakeClock;
  readonly realm = new Realm();
  readonly timeZone: string;
  readonly locale: string;
  /** Id of the current execution; locks held by earlier executions are released when it changes. */
  executionId = 1;
  readonly #executionListeners: Array<(previous: number) => void> = [];

  constructor(opts: { user: string; context: ExecutionContext; authMode: AuthModeName; clock: FakeClock; timeZone: string; locale: string }) {
    this.user = opts.user;
    this.context = opts.context;
    this.authMode = opts.authMode;
    this.clock = opts.clock;
    this.timeZone = opts.timeZone;
    this.locale = opts.locale;
  }

  onExecutionEnd(listener: (previous: number) => void): void {
    this.#executionListeners.push(listener);
  }

  /** Ends the current execution (locks are released at script end) and starts a fresh one. */
  newExecution(): number {
    const previous = this.executionId;
    this.executionId += 1;
    for (const l of this.#executionListeners) l(previous);
    return this.executionId;
  }

  error(message: string, name?: string, extra?: Record<string, unknown>): Error {
    return this.realm.exception(message, name, extra);
  }

  /** Converts internal errors to realm exceptions; passes everything else through. */
  readonly translate = (e: unknown): unknown => {
    if (e instanceof FakeServiceError) return this.realm.exception(e.message, e.errorName, e.extra);
    return e;
  };

  /**
   * AuthMode gate. NONE allows only building menus (and services needing no authorization); LIMITED adds the
   * bound document, Ui and properties; FULL allows everything [ref: workspace/add-ons/concepts/editor-auth-lifecycle].
   * The message imitates the live one **[verify exact text]**.
   */
  requireAuth(minimum: 'LIMITED' | 'FULL', what: string, scope: string): void {
    const rank: Record<AuthModeName, number> = { NONE: 0, CUSTOM_FUNCTION: 0, LIMITED: 1, FULL: 2 };
    if (rank[this.authMode] < rank[minimum]) {
      throw new FakeServiceError(`You do not have permission to call ${what}. Required permissions: ${scope}`);
    }
  }
}

export function fail(message: string): never {
  throw new FakeServiceError(message);
}

export function notSupported(what: string): never {
  throw new FakeServiceError(`${what} is not supported by the in-memory fake.`, 'Error');
}

export const SCOPES = {
  documents: 'https://www.googleapis.com/auth/documents.currentonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  tasks: 'https://www.googleapis.com/auth/tasks',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
} as const;
