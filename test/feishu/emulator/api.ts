/** The emulator's public test handles (seeding, inspection, events, faults, calls). */
import type { App } from './auth';
import type { CallLog } from './calls';
import type { Department, DepartmentInput, Directory, DirectoryUser, UserInput } from './directory';
import type { Access } from './docx/document';
import type { Block } from './docx/model';
import type { CreateDocumentOptions, DocumentInfo, UserEdit } from './docx/store';
import type { Delivery, DeliveryOptions, EventPayload, WebhookTarget } from './events/hub';
import type { WebhookPost, WebhookResponse } from './events/webhook';
import type { WsClientConfig } from './events/ws-gateway';
import type { Faults } from './faults';
import type { JsonObject } from './json';
import type { TaskEventType, TaskRecord, TasklistRecord } from './tasks/store';

export interface UsersApi {
  add(input: UserInput): DirectoryUser;
  addDepartment(input: DepartmentInput): Department;
  get(id: string): DirectoryUser | undefined;
  all(): DirectoryUser[];
  update(id: string, change: Parameters<Directory['update']>[1]): DirectoryUser;
  /** A user_access_token for this user (for search/v1/user and user-identity calls). */
  userToken(openId: string, options?: { appId?: string; ttlSeconds?: number }): string;
}

export interface DocsApi {
  create(options?: CreateDocumentOptions): DocumentInfo;
  info(documentId: string): DocumentInfo;
  /** Pre-order blocks (deep copies), as documentBlock.list returns them. */
  blocks(documentId: string): Block[];
  block(documentId: string, blockId: string): Block | undefined;
  children(documentId: string, blockId: string): Block[];
  /** Table blocks in document order. */
  tables(documentId: string): Block[];
  /** A table's cells as rows × columns of cell blocks. */
  tableCells(documentId: string, tableId: string): Block[][];
  /** Plain text of a block and its descendants (mentions as @name), one line per text block. */
  text(documentId: string, blockId: string): string;
  rawContent(documentId: string): string;
  /** Edit "as a user" in one revision; emits drive.file.edit_v1 to subscribed apps. Returns the new revision. */
  editAsUser(documentId: string, edits: readonly UserEdit[], options?: { operatorOpenId?: string; notify?: boolean }): number;
  /** An edit with no visible change (autosave ping): revision +1 and an edit event. */
  touchAsUser(documentId: string, options?: { operatorOpenId?: string }): number;
  setAccess(documentId: string, appId: string | '*', access: Access): void;
  subscribers(documentId: string): string[];
  /** Requests that touched this document (filter by kind: 'read' | 'write'). */
  callCount(documentId: string, filter?: { kind?: 'read' | 'write'; route?: string }): number;
}

export interface TasksApi {
  all(options?: { includeDeleted?: boolean }): TaskRecord[];
  get(guid: string): TaskRecord | undefined;
  count(): number;
  isDeleted(guid: string): boolean;
  /** A task a person creates in the Tasks app (invisible to apps unless they are members). */
  createAsUser(openId: string, input: JsonObject): TaskRecord;
  /** Complete in the Tasks app: completed_at = now, task events to subscribed apps. */
  completeAsUser(guid: string, options?: { by?: string; at?: number }): TaskRecord;
  reopenAsUser(guid: string, options?: { by?: string }): TaskRecord;
  /** Patch in the Tasks app with update_fields semantics. */
  updateAsUser(guid: string, task: JsonObject, updateFields: string[], options?: { by?: string }): TaskRecord;
  deleteAsUser(guid: string, options?: { by?: string }): void;
  tasklists(): TasklistRecord[];
  /** Apps that called task_subscription with a tenant token. */
  subscribedApps(): string[];
}

export interface PushInput {
  eventType: string;
  event: JsonObject;
  appId?: string;
  eventId?: string;
  /** 'auto' (default): the long connection if the app has one, else its webhook. */
  via?: 'auto' | 'ws' | 'webhook';
}

export interface EventsApi {
  /** Open long connections (of one app, or all). */
  connections(appId?: string): number;
  /** Resolve when a WSClient is connected and ready to receive frames. */
  waitForConnection(options?: { appId?: string; timeoutMs?: number }): Promise<void>;
  /** Deliver an arbitrary event; resolves after the first attempt (ack, failure or 3 s timeout). */
  push(input: PushInput): Promise<Delivery>;
  /** Push drive.file.edit_v1 for a document (as if a user edited it) without changing it. */
  pushDriveFileEdit(documentId: string, options?: { operatorOpenId?: string; appId?: string; eventId?: string; via?: 'auto' | 'ws' | 'webhook' }): Promise<Delivery>;
  /** Push task.task.update_user_access_v2. */
  pushTaskUpdate(taskGuid: string, eventTypes: TaskEventType[], options?: { appId?: string; eventId?: string; via?: 'auto' | 'ws' | 'webhook' }): Promise<Delivery>;
  /** Build an event envelope as Feishu sends it. */
  build(eventType: string, event: JsonObject, options?: { appId?: string; eventId?: string }): EventPayload;
  /** Route the app's events to a webhook (instead of / when there is no long connection). */
  setWebhook(target: WebhookTarget | undefined, appId?: string): void;
  /** One signed (and by default encrypted) POST to a URL, as Feishu's event push. */
  postWebhook(post: WebhookPost): Promise<WebhookResponse>;
  /** The url_verification challenge; ok when the answer echoes it. */
  verifyWebhookUrl(options: { url: string; appId?: string; encryptKey?: string; encrypt?: boolean }): Promise<{ ok: boolean; challenge: string; response: WebhookResponse }>;
  /** Every delivery so far (all attempts recorded). */
  deliveries(filter?: { eventType?: string; appId?: string }): Delivery[];
  /** Resolve when the predicate holds over all deliveries. */
  waitFor(predicate: (deliveries: readonly Delivery[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Drop long connections server-side (WSClient reconnects per its ClientConfig). */
  disconnectAll(appId?: string): number;
  configure(options: Partial<DeliveryOptions> & { ws?: Partial<WsClientConfig>; fragmentSize?: number }): void;
}

export interface FeishuEmulator {
  /** http://127.0.0.1:PORT — pass as the SDK client's `domain`. */
  baseUrl: string;
  port: number;
  /** The first (default) app. */
  app: App;
  apps: App[];
  close(): Promise<void>;
  users: UsersApi;
  docs: DocsApi;
  tasks: TasksApi;
  events: EventsApi;
  faults: Faults;
  calls: CallLog;
}
