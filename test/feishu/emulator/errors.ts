/**
 * Open API error responses, with the HTTP statuses, codes and messages of the reference
 * (feishu-open-platform.md §3.9, §4.7, §7.1, §11.2). Handlers throw an ApiError; the server
 * turns it into `{code, msg, error:{log_id, field_violations?}}`.
 */

export interface FieldViolation {
  field: string;
  description: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: number;
  readonly msg: string;
  readonly violations: FieldViolation[];
  readonly headers: Record<string, string>;

  constructor(status: number, code: number, msg: string, detail?: string | FieldViolation[], headers?: Record<string, string>) {
    super(`${status} ${code} ${msg}`);
    this.status = status;
    this.code = code;
    this.msg = msg;
    this.violations = typeof detail === 'string' ? [{ field: '', description: detail }] : detail ?? [];
    this.headers = headers ?? {};
  }
}

const tokenHint = 'Please make a request with token attached.';

/** Platform-wide errors (token, scope, rate limit). HTTP 400 as the live gateway answers them. */
export const platformErrors = {
  missingToken: (): ApiError => new ApiError(400, 99991661, `Missing access token for authorization. ${tokenHint}`),
  invalidTenantToken: (): ApiError => new ApiError(400, 99991663, `Invalid access token for authorization. ${tokenHint}`),
  invalidUserToken: (): ApiError => new ApiError(400, 99991668, `Invalid access token for authorization. ${tokenHint}`),
  /** A user-token-only API called with a tenant token (search/v1/user, task list "my tasks"). */
  userTokenRequired: (): ApiError =>
    new ApiError(400, 99991663, `Invalid access token for authorization. ${tokenHint}`, 'this API only accepts a user_access_token'),
  missingScope: (scopes: readonly string[]): ApiError =>
    new ApiError(400, 99991672, `Access denied. One of the following scopes is required: [${scopes.join(', ')}].`),
  rateLimit: (resetSeconds = 1): ApiError =>
    new ApiError(400, 99991400, 'request trigger frequency limit', undefined, rateHeaders(resetSeconds)),
  /** Per-document edit limit (3 edits/s): HTTP 429; the body code is the platform rate-limit code. */
  documentEditLimit: (resetSeconds = 1): ApiError =>
    new ApiError(429, 99991400, 'request trigger frequency limit', undefined, rateHeaders(resetSeconds)),
  badJson: (detail: string): ApiError => new ApiError(400, 9499, 'Bad Request', detail),
  fieldValidation: (detail: string | FieldViolation[]): ApiError => new ApiError(400, 99992402, 'field validation failed', detail),
};

function rateHeaders(resetSeconds: number): Record<string, string> {
  return { 'x-ogw-ratelimit-reset': String(Math.max(1, Math.ceil(resetSeconds))) };
}

/** docx v1 (创建块 error table). Statuses not given on the page are 400. */
export const docxErrors = {
  invalidParam: (detail?: string): ApiError => new ApiError(400, 1770001, 'invalid param', detail),
  notFound: (detail?: string): ApiError => new ApiError(404, 1770002, 'not found', detail),
  repeatedBlockId: (detail?: string): ApiError => new ApiError(400, 1770019, 'repeated blockID', detail),
  tooOldDocument: (): ApiError => new ApiError(400, 1770021, 'too old document'),
  invalidPageToken: (): ApiError => new ApiError(400, 1770022, 'invalid page token'),
  invalidOperation: (detail?: string): ApiError => new ApiError(400, 1770024, 'invalid operation', detail),
  operationBlockMismatch: (detail?: string): ApiError => new ApiError(400, 1770025, 'operation and block not match', detail),
  rowOverRange: (): ApiError => new ApiError(400, 1770026, 'row operation over range'),
  columnOverRange: (): ApiError => new ApiError(400, 1770027, 'column operation over range'),
  noChildren: (detail?: string): ApiError => new ApiError(400, 1770028, 'block not support create children', detail),
  notCreatable: (detail?: string): ApiError => new ApiError(400, 1770029, 'block not support to create', detail),
  invalidRelation: (detail?: string): ApiError => new ApiError(400, 1770030, 'invalid parent children relation', detail),
  noDeleteChildren: (): ApiError => new ApiError(400, 1770031, 'block not support to delete children'),
  forbidden: (): ApiError => new ApiError(403, 1770032, 'forbidden'),
  operationCount: (): ApiError => new ApiError(400, 1770034, 'operation count exceed limited'),
  resourceCount: (detail?: string): ApiError => new ApiError(400, 1770035, 'resource count exceed limit', detail),
  serverError: (): ApiError => new ApiError(500, 1771001, 'server internal error'),
};

/** Task v2 (§4.7). */
export const taskErrors = {
  param: (detail?: string): ApiError => new ApiError(400, 1470400, 'param error', detail),
  forbidden: (): ApiError => new ApiError(403, 1470403, 'no permission'),
  notFound: (): ApiError => new ApiError(404, 1470404, 'not found'),
  concurrentClientToken: (): ApiError => new ApiError(500, 1470422, 'concurrent calls with the same client_token'),
  serverError: (): ApiError => new ApiError(500, 1470500, 'server error'),
};

/** Drive file subscriptions (订阅云文档事件). */
export const driveErrors = {
  fail: (): ApiError => new ApiError(500, 1069601, 'fail'),
  param: (detail?: string): ApiError => new ApiError(400, 1069602, 'param error', detail),
  forbidden: (): ApiError => new ApiError(403, 1069603, 'forbidden'),
  notFound: (): ApiError => new ApiError(400, 1069604, 'document not found'),
};

/** Contact v3. Codes for "not in the app's contact scope" and "no such user". */
export const contactErrors = {
  noUserAuthority: (): ApiError => new ApiError(400, 41050, 'no user authority error'),
  userNotFound: (): ApiError => new ApiError(400, 41012, 'user not found'),
  departmentNotFound: (): ApiError => new ApiError(400, 40003, 'department not found'),
};

/** Token endpoint failures (wrong app id / secret). */
export const authErrors = {
  invalidParam: (detail?: string): ApiError => new ApiError(400, 10003, 'invalid param', detail),
  appSecretInvalid: (): ApiError => new ApiError(400, 10014, 'app secret invalid'),
};
