/**
 * Errors and Dates must come from the realm that runs the script: code loaded into `node:vm` tests
 * `e instanceof Error` / `d instanceof Date` against its own intrinsics. `createContext()` rebinds these.
 */
export interface RealmIntrinsics {
  Error: ErrorConstructor;
  Date: DateConstructor;
}

export class Realm {
  intrinsics: RealmIntrinsics = { Error, Date };

  /** An Apps Script service exception: `name` is 'Exception', so `String(e)` reads "Exception: …". */
  exception(message: string, name = 'Exception', extra?: Record<string, unknown>): Error {
    const e = new this.intrinsics.Error(message);
    e.name = name;
    if (extra) Object.assign(e, extra);
    return e;
  }

  date(ms: number): Date {
    return new this.intrinsics.Date(ms);
  }
}
