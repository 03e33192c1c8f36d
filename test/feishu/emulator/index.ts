/**
 * A loopback emulator of the Feishu Open API for tests: the real `@larksuiteoapi/node-sdk` talks to it
 * over HTTP (`domain: emu.baseUrl`) and receives events over its long connection or a webhook.
 * Behaviour follows /work/shared/reference/feishu-open-platform.md (§11 is the checklist).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from './auth';
import { AuthRegistry } from './auth';
import { authRoutes } from './auth-routes';
import { CallLog } from './calls';
import { contactRoutes } from './contact';
import { Directory } from './directory';
import type { DocxDocument } from './docx/document';
import type { Block } from './docx/model';
import { TEXT_TYPES } from './docx/model';
import { docxRoutes } from './docx/routes';
import type { Operator } from './docx/store';
import { DocxStore } from './docx/store';
import { driveRoutes } from './drive';
import type { DeliveryOptions, EventPayload } from './events/hub';
import { EventHub } from './events/hub';
import { postWebhook } from './events/webhook';
import type { WsClientConfig } from './events/ws-gateway';
import { WsGateway } from './events/ws-gateway';
import { Faults } from './faults';
import { appId as newAppId, hex, openId as newOpenId } from './ids';
import type { JsonObject } from './json';
import { clone } from './json';
import { Dispatcher } from './server';
import type { TaskActor, TaskEventType, TaskRecord } from './tasks/store';
import { TaskStore } from './tasks/store';
import { taskRoutes } from './tasks/routes';
import type { DocsApi, EventsApi, FeishuEmulator, TasksApi, UsersApi } from './api';

export interface FeishuEmulatorOptions {
  /** 0 = any free loopback port (default). The server binds 127.0.0.1 only. */
  port?: number;
  /** appId must match /^cli_[0-9a-fA-F]{16}$/ (SDK WSClient rule). Default: one generated app. */
  apps?: AppConfig[];
  /** Injectable clock (ms): token expiry, timestamps, client_token windows, rate-limit windows. */
  now?: () => number;
  /** tenant_access_token lifetime (default 7200 s). */
  tokenTtlSeconds?: number;
  /** ClientConfig handed to WSClient (ping / reconnect timing, seconds). */
  ws?: Partial<WsClientConfig>;
  /** Handler timeout and redelivery schedule. */
  delivery?: Partial<DeliveryOptions>;
  /** Also push task events for changes the app itself made through the API (default true). */
  taskEventsForApiChanges?: boolean;
}

export async function startFeishuEmulator(options: FeishuEmulatorOptions = {}): Promise<FeishuEmulator> {
  const now = options.now ?? Date.now;
  const appConfigs = options.apps ?? [{ appId: newAppId(), appSecret: `secret-${hex(24)}` }];
  if (appConfigs.length === 0) throw new Error('at least one app is needed');
  const auth = new AuthRegistry(appConfigs, now, options.tokenTtlSeconds ?? 7200);
  const calls = new CallLog();
  const faults = new Faults(now);
  const directory = new Directory();
  const docStore = new DocxStore(directory);
  const taskStore = new TaskStore(directory, now);
  const dispatcher = new Dispatcher({ auth, calls, faults, now });
  let port = 0;
  const gateway = new WsGateway(auth, () => `ws://127.0.0.1:${port}`);
  gateway.config = { ...gateway.config, ...options.ws };
  const hub = new EventHub(auth, gateway, now);
  hub.options = { ...hub.options, ...options.delivery };
  const taskEventsForApiChanges = options.taskEventsForApiChanges ?? true;
  const defaultOperator = newOpenId();

  const operatorIds = (operator: Operator): JsonObject => {
    if (operator.kind === 'app') {
      const app = auth.apps.get(operator.appId);
      return { open_id: app?.botOpenId ?? '', union_id: app?.botUnionId ?? '', user_id: '' };
    }
    const user = directory.byIdType(operator.openId, 'open_id');
    return { open_id: operator.openId, union_id: user?.union_id ?? '', user_id: user?.user_id ?? '' };
  };

  // Events caused by API writes or user edits go out after the current request is answered, like Feishu's
  // asynchronous event push (tests wait with events.waitFor).
  const deliverLater = (payload: EventPayload): void => {
    setImmediate(() => {
      hub.deliver(payload).catch((error: unknown) => console.error('[feishu-emulator] event delivery failed', error));
    });
  };

  docStore.onEdit = (doc: DocxDocument, operator: Operator) => {
    for (const appId of doc.subscribers) {
      const app = auth.apps.get(appId);
      if (!app) continue;
      const event = {
        file_token: doc.id,
        file_type: 'docx',
        operator_id_list: [operatorIds(operator)],
        subscriber_id_list: [{ open_id: app.botOpenId, union_id: app.botUnionId, user_id: '' }],
      };
      deliverLater(hub.build(app, 'drive.file.edit_v1', event));
    }
  };

  taskStore.onChange = (task: TaskRecord, types: TaskEventType[], actor: TaskActor) => {
    for (const appId of taskStore.subscribersFor(task)) {
      if (!taskEventsForApiChanges && actor.kind === 'app' && actor.appId === appId) continue;
      const app = auth.apps.get(appId);
      if (!app) continue;
      deliverLater(hub.build(app, 'task.task.update_user_access_v2', { event_types: types, task_guid: task.guid }));
    }
  };

  dispatcher.add(authRoutes(auth));
  dispatcher.add([gateway.route()]);
  dispatcher.add(docxRoutes(docStore, directory, auth));
  dispatcher.add(driveRoutes(docStore));
  dispatcher.add(taskRoutes(taskStore));
  dispatcher.add(contactRoutes(directory));

  const server = createServer(dispatcher.listener);
  server.on('upgrade', (req, socket, head) => {
    if (!gateway.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;

  const doc = (id: string): DocxDocument => docStore.get(id);
  const task = (guid: string): TaskRecord => {
    const found = taskStore.tasks.get(guid);
    if (!found || taskStore.deleted.has(guid)) throw new Error(`no task ${guid}`);
    return found;
  };
  const userActor = (by: string | undefined): TaskActor => ({ kind: 'user', openId: by ?? defaultOperator });

  const users: UsersApi = {
    add: (input) => directory.add(input),
    addDepartment: (input) => directory.addDepartment(input),
    get: (id) => directory.find(id),
    all: () => directory.all(),
    update: (id, change) => directory.update(id, change),
    userToken: (openId, opts = {}) => {
      if (!directory.byIdType(openId, 'open_id')) throw new Error(`no user ${openId}`);
      return auth.issueUserToken(opts.appId ?? appConfigs[0]!.appId, openId, opts.ttlSeconds ?? 7200);
    },
  };

  const docs: DocsApi = {
    create: (opts) => docStore.info(docStore.create(opts)),
    info: (id) => docStore.info(doc(id)),
    blocks: (id) => clone(doc(id).preorder()),
    block: (id, blockId) => {
      const block = doc(id).get(blockId);
      return block ? clone(block) : undefined;
    },
    children: (id, blockId) => {
      const d = doc(id);
      return d.mustGet(blockId).children.map((c) => clone(d.mustGet(c)));
    },
    tables: (id) => clone(doc(id).preorder().filter((b) => b.block_type === 31)),
    tableCells: (id, tableId) => {
      const d = doc(id);
      const table = d.mustGet(tableId);
      const property = (table.table as { property: { row_size: number; column_size: number } }).property;
      const rows: Block[][] = [];
      for (let r = 0; r < property.row_size; r++) {
        rows.push(table.children.slice(r * property.column_size, (r + 1) * property.column_size).map((c) => clone(d.mustGet(c))));
      }
      return rows;
    },
    text: (id, blockId) => docStore.text(doc(id), blockId),
    rawContent: (id) => docStore.rawContent(doc(id)),
    editAsUser: (id, edits, opts = {}) => docStore.editAsUser(id, edits, opts.operatorOpenId ?? defaultOperator, opts.notify ?? true),
    touchAsUser: (id, opts = {}) => docStore.touchAsUser(id, opts.operatorOpenId ?? defaultOperator),
    setAccess: (id, appId, access) => {
      const d = doc(id);
      if (appId === '*') d.defaultAccess = access;
      else d.access.set(appId, access);
    },
    subscribers: (id) => [...doc(id).subscribers],
    callCount: (id, filter = {}) => calls.count({ documentId: id, ...filter }),
  };

  const tasks: TasksApi = {
    all: (opts = {}) => clone([...taskStore.tasks.values()].filter((t) => opts.includeDeleted || !taskStore.deleted.has(t.guid))),
    get: (guid) => {
      const found = taskStore.tasks.get(guid);
      return found && !taskStore.deleted.has(guid) ? clone(found) : undefined;
    },
    count: () => [...taskStore.tasks.keys()].filter((g) => !taskStore.deleted.has(g)).length,
    isDeleted: (guid) => taskStore.deleted.has(guid),
    createAsUser: (openId, input) => clone(taskStore.create({ kind: 'user', appId: appConfigs[0]!.appId, openId }, input, 'open_id')),
    completeAsUser: (guid, opts = {}) =>
      clone(taskStore.patch(task(guid), { completed_at: String(opts.at ?? now()) }, ['completed_at'], userActor(opts.by))),
    reopenAsUser: (guid, opts = {}) => clone(taskStore.patch(task(guid), { completed_at: '0' }, ['completed_at'], userActor(opts.by))),
    updateAsUser: (guid, changes, fields, opts = {}) => clone(taskStore.patch(task(guid), changes, fields, userActor(opts.by))),
    deleteAsUser: (guid, opts = {}) => taskStore.delete(task(guid), userActor(opts.by)),
    tasklists: () => clone([...taskStore.tasklists.values()]),
    subscribedApps: () => [...taskStore.appSubscribers],
  };

  const events: EventsApi = {
    connections: (appId) => gateway.connections(appId).length,
    waitForConnection: (opts = {}) => gateway.waitForReady(opts.appId, opts.timeoutMs ?? 5000),
    push: (input) => hub.deliver(hub.build(hub.app(input.appId), input.eventType, input.event, input.eventId), input.via ?? 'auto'),
    pushDriveFileEdit: (documentId, opts = {}) => {
      const app = hub.app(opts.appId);
      const event = {
        file_token: documentId,
        file_type: 'docx',
        operator_id_list: [operatorIds({ kind: 'user', openId: opts.operatorOpenId ?? defaultOperator })],
        subscriber_id_list: [{ open_id: app.botOpenId, union_id: app.botUnionId, user_id: '' }],
      };
      return hub.deliver(hub.build(app, 'drive.file.edit_v1', event, opts.eventId), opts.via ?? 'auto');
    },
    pushTaskUpdate: (taskGuid, eventTypes, opts = {}) =>
      hub.deliver(hub.build(hub.app(opts.appId), 'task.task.update_user_access_v2', { event_types: eventTypes, task_guid: taskGuid }, opts.eventId), opts.via ?? 'auto'),
    build: (eventType, event, opts = {}) => hub.build(hub.app(opts.appId), eventType, event, opts.eventId),
    setWebhook: (target, appId) => {
      const id = hub.app(appId).appId;
      if (target) hub.webhooks.set(id, target);
      else hub.webhooks.delete(id);
    },
    postWebhook: (post) => postWebhook(post, now()),
    verifyWebhookUrl: async (opts) => {
      const app = hub.app(opts.appId);
      const challenge = hex(16);
      const encryptKey = opts.encryptKey ?? app.encryptKey;
      const response = await postWebhook(
        {
          url: opts.url,
          payload: { challenge, token: app.verificationToken, type: 'url_verification' },
          ...(encryptKey !== undefined ? { encryptKey } : {}),
          ...(opts.encrypt !== undefined ? { encrypt: opts.encrypt } : {}),
        },
        now(),
      );
      const echoed = typeof response.json === 'object' && response.json !== null ? (response.json as { challenge?: unknown }).challenge : undefined;
      return { ok: response.status === 200 && echoed === challenge, challenge, response };
    },
    deliveries: (filter = {}) =>
      hub.deliveries.filter((d) => (filter.eventType === undefined || d.eventType === filter.eventType) && (filter.appId === undefined || d.appId === filter.appId)),
    waitFor: (predicate, timeoutMs = 5000) => hub.waitFor(predicate, timeoutMs),
    disconnectAll: (appId) => gateway.disconnect(appId),
    configure: (opts) => {
      const { ws, fragmentSize, ...delivery } = opts;
      hub.options = { ...hub.options, ...delivery };
      if (ws) gateway.config = { ...gateway.config, ...ws };
      if (fragmentSize !== undefined) gateway.fragmentSize = fragmentSize;
    },
  };

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      hub.close();
      gateway.close();
      dispatcher.dropHeld();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };

  const apps = [...auth.apps.values()];
  return { baseUrl, port, app: apps[0]!, apps, close, users, docs, tasks, events, faults, calls };
}

export type { DocsApi, EventsApi, FeishuEmulator, PushInput, TasksApi, UsersApi } from './api';
export { el, seed } from './blocks';
export type { CellInput, ElementInput, SeedBlock } from './blocks';
export type { App, AppConfig } from './auth';
export type { CallFilter, CallRecord } from './calls';
export type { Department, DepartmentInput, DirectoryUser, UserInput } from './directory';
export type { Access } from './docx/document';
export type { Block } from './docx/model';
export type { CreateDocumentOptions, DocumentInfo, UserEdit } from './docx/store';
export type { Delivery, DeliveryAttempt, DeliveryOptions, EventPayload, WebhookTarget } from './events/hub';
export type { WebhookPost, WebhookResponse } from './events/webhook';
export type { WsClientConfig } from './events/ws-gateway';
export type { FaultHandle, FaultRule, FaultSpec, Faults, RateLimitConfig } from './faults';
export type { TaskEventType, TaskMember, TaskRecord, TasklistRecord } from './tasks/store';
export { TEXT_TYPES };
export { decrypt as decryptEventBody, encrypt as encryptEventBody, signature as eventSignature } from './events/crypto';
