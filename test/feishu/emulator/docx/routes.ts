/** docx v1 endpoints (§3, §11.1). */
import type { AuthRegistry } from '../auth';
import type { Directory, UserIdType } from '../directory';
import { parseUserIdType } from '../directory';
import { docxErrors } from '../errors';
import { UUID_PATTERN, uuid } from '../ids';
import type { JsonObject } from '../json';
import { clone, isObject, queryInt } from '../json';
import type { Route, RouteContext } from '../router';
import { createChildren, createDescendants } from './build';
import type { Access, DocxDocument } from './document';
import { hasAccess } from './document';
import type { Block } from './model';
import { applyOperation, deleteChildren } from './operations';
import type { DocxStore } from './store';

const BASE = '/open-apis/docx/v1/documents';
const MAX_PAGE = 500;

export function docxRoutes(store: DocxStore, directory: Directory, auth: AuthRegistry): Route[] {
  const userIdType = (ctx: RouteContext): UserIdType => {
    const type = parseUserIdType(ctx.query.get('user_id_type'));
    if (!type) throw docxErrors.invalidParam('user_id_type must be open_id, union_id or user_id');
    return type;
  };

  const load = (ctx: RouteContext, need: Access): DocxDocument => {
    const doc = store.docs.get(ctx.params.document_id ?? '');
    if (!doc) throw docxErrors.notFound(`document ${ctx.params.document_id} not found`);
    // A user token acts as a user who can edit the document; a tenant token needs the app to have access.
    if (ctx.identity?.kind === 'tenant' && !hasAccess(doc.accessOf(ctx.identity.appId), need)) throw docxErrors.forbidden();
    return doc;
  };

  const creatorId = (ctx: RouteContext): string =>
    ctx.identity?.kind === 'user' ? ctx.identity.openId : (auth.apps.get(ctx.identity?.appId ?? '')?.botOpenId ?? '');

  /** Blocks at the requested document_revision_id (−1 = latest). */
  const blocksAt = (ctx: RouteContext, doc: DocxDocument): Block[] => {
    const revision = queryInt(ctx.query.get('document_revision_id')) ?? -1;
    if (Number.isNaN(revision)) throw docxErrors.invalidParam('document_revision_id must be an integer');
    if (revision === -1) return clone(doc.preorder());
    if (revision < 1 || revision > doc.revision) throw docxErrors.invalidParam(`document_revision_id ${revision} does not exist`);
    const blocks = doc.atRevision(revision);
    if (!blocks) throw docxErrors.tooOldDocument();
    return blocks;
  };

  const pageSize = (ctx: RouteContext): number => {
    const size = queryInt(ctx.query.get('page_size')) ?? MAX_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw docxErrors.invalidParam(`page_size must be 1..${MAX_PAGE}`);
    return size;
  };

  /** Page a list by block id tokens: the token is the id of the first block of the next page. */
  const page = (ctx: RouteContext, items: Block[]): JsonObject => {
    const size = pageSize(ctx);
    const token = ctx.query.get('page_token');
    let start = 0;
    if (token) {
      start = items.findIndex((b) => b.block_id === token);
      if (start < 0) throw docxErrors.invalidPageToken();
    }
    const type = userIdType(ctx);
    const slice = items.slice(start, start + size).map((b) => store.render(b, type));
    const hasMore = start + size < items.length;
    return { items: slice, has_more: hasMore, page_token: hasMore ? items[start + size]!.block_id : '' };
  };

  /** Client-token idempotent write: the stored answer is replayed without applying the write again. */
  const write = (ctx: RouteContext, doc: DocxDocument, apply: () => JsonObject, requireUuidToken = false): JsonObject => {
    const token = ctx.query.get('client_token') ?? '';
    if (token && requireUuidToken && !UUID_PATTERN.test(token)) throw docxErrors.invalidParam('client_token must be a UUIDv4');
    const key = `${ctx.call.route}:${token}`;
    if (token && doc.clientTokens.has(key)) return clone(doc.clientTokens.get(key) as JsonObject);
    const revision = queryInt(ctx.query.get('document_revision_id')) ?? -1;
    if (Number.isNaN(revision)) throw docxErrors.invalidParam('document_revision_id must be an integer');
    doc.checkBaseRevision(revision);
    const data = doc.write(apply);
    data.document_revision_id = doc.revision;
    data.client_token = token || uuid();
    if (token) doc.clientTokens.set(key, clone(data));
    const operator = ctx.identity?.kind === 'user' ? { kind: 'user' as const, openId: ctx.identity.openId } : { kind: 'app' as const, appId: ctx.identity?.appId ?? '' };
    store.onEdit(doc, operator);
    return data;
  };

  const elementCtx = (ctx: RouteContext) => store.elementContext(userIdType(ctx), creatorId(ctx));
  const body = (ctx: RouteContext): JsonObject => {
    if (!isObject(ctx.body)) throw docxErrors.invalidParam('a JSON object body is required');
    return ctx.body;
  };

  const read = { kind: 'read' as const, family: 'docx' as const, auth: 'any' as const };
  const edit = { kind: 'write' as const, family: 'docx' as const, auth: 'any' as const, documentEdit: true };

  return [
    {
      ...read,
      kind: 'write',
      method: 'POST',
      pattern: BASE,
      name: 'docx.v1.document.create',
      handle: (ctx) => {
        const b = isObject(ctx.body) ? ctx.body : {};
        if (b.title !== undefined && typeof b.title !== 'string') throw docxErrors.invalidParam('title must be a string');
        const doc = store.create({ title: typeof b.title === 'string' ? b.title : '', access: 'none' });
        if (ctx.identity) doc.access.set(ctx.identity.appId, 'manage');
        return { document: { document_id: doc.id, revision_id: doc.revision, title: doc.title } };
      },
    },
    {
      ...read,
      method: 'GET',
      pattern: `${BASE}/:document_id/raw_content`,
      name: 'docx.v1.document.rawContent',
      handle: (ctx) => ({ content: store.rawContent(load(ctx, 'view')) }),
    },
    {
      ...read,
      method: 'GET',
      pattern: `${BASE}/:document_id/blocks`,
      name: 'docx.v1.documentBlock.list',
      handle: (ctx) => {
        const doc = load(ctx, 'view');
        return page(ctx, blocksAt(ctx, doc));
      },
    },
    {
      ...edit,
      method: 'PATCH',
      pattern: `${BASE}/:document_id/blocks/batch_update`,
      name: 'docx.v1.documentBlock.batchUpdate',
      handle: (ctx) => {
        const doc = load(ctx, 'edit');
        const requests = body(ctx).requests;
        if (!Array.isArray(requests) || requests.length === 0) throw docxErrors.invalidParam('requests must hold 1..200 updates');
        if (requests.length > 200) throw docxErrors.invalidParam('requests must hold at most 200 updates');
        const seen = new Set<string>();
        for (const [i, r] of requests.entries()) {
          if (!isObject(r) || typeof r.block_id !== 'string' || r.block_id === '') throw docxErrors.invalidParam(`requests[${i}].block_id is required`);
          if (seen.has(r.block_id)) throw docxErrors.repeatedBlockId(`block ${r.block_id} appears twice in one batch_update`);
          seen.add(r.block_id);
        }
        const ectx = elementCtx(ctx);
        const type = userIdType(ctx);
        return write(ctx, doc, () => {
          const touched = (requests as JsonObject[]).map((r, i) => applyOperation(doc, r.block_id as string, r, ectx, `requests[${i}]`).block_id);
          return { blocks: touched.map((id) => store.render(doc.mustGet(id), type)) };
        });
      },
    },
    {
      ...read,
      method: 'GET',
      pattern: `${BASE}/:document_id/blocks/:block_id`,
      name: 'docx.v1.documentBlock.get',
      handle: (ctx) => {
        const doc = load(ctx, 'view');
        const block = blocksAt(ctx, doc).find((b) => b.block_id === ctx.params.block_id);
        if (!block) throw docxErrors.notFound(`block ${ctx.params.block_id} not found`);
        return { block: store.render(block, userIdType(ctx)) };
      },
    },
    {
      ...edit,
      method: 'PATCH',
      pattern: `${BASE}/:document_id/blocks/:block_id`,
      name: 'docx.v1.documentBlock.patch',
      handle: (ctx) => {
        const doc = load(ctx, 'edit');
        const request = body(ctx);
        const ectx = elementCtx(ctx);
        const type = userIdType(ctx);
        doc.mustGet(ctx.params.block_id!);
        return write(ctx, doc, () => {
          const block = applyOperation(doc, ctx.params.block_id!, request, ectx, 'body');
          return { block: store.render(block, type) };
        });
      },
    },
    {
      ...read,
      method: 'GET',
      pattern: `${BASE}/:document_id/blocks/:block_id/children`,
      name: 'docx.v1.documentBlockChildren.get',
      handle: (ctx) => {
        const doc = load(ctx, 'view');
        const all = blocksAt(ctx, doc);
        const parent = all.find((b) => b.block_id === ctx.params.block_id);
        if (!parent) throw docxErrors.notFound(`block ${ctx.params.block_id} not found`);
        const byId = new Map(all.map((b) => [b.block_id, b]));
        let items: Block[];
        if (ctx.query.get('with_descendants') === 'true') {
          const start = all.indexOf(parent);
          const inside = new Set<string>([parent.block_id]);
          items = [];
          for (const b of all.slice(start + 1)) {
            if (!inside.has(b.parent_id)) break;
            inside.add(b.block_id);
            items.push(b);
          }
        } else {
          items = parent.children.map((id) => byId.get(id)).filter((b): b is Block => b !== undefined);
        }
        return page(ctx, items);
      },
    },
    {
      ...edit,
      method: 'POST',
      pattern: `${BASE}/:document_id/blocks/:block_id/children`,
      name: 'docx.v1.documentBlockChildren.create',
      handle: (ctx) => {
        const doc = load(ctx, 'edit');
        const b = body(ctx);
        const index = b.index === undefined ? -1 : b.index;
        if (typeof index !== 'number' || !Number.isInteger(index)) throw docxErrors.invalidParam('index must be an integer');
        const ectx = elementCtx(ctx);
        const type = userIdType(ctx);
        doc.mustGet(ctx.params.block_id!);
        return write(ctx, doc, () => ({
          children: createChildren(doc, ctx.params.block_id!, index, b.children, ectx).map((block) => store.render(block, type)),
        }));
      },
    },
    {
      ...edit,
      method: 'POST',
      pattern: `${BASE}/:document_id/blocks/:block_id/descendant`,
      name: 'docx.v1.documentBlockDescendant.create',
      handle: (ctx) => {
        const doc = load(ctx, 'edit');
        const b = body(ctx);
        const index = b.index === undefined ? -1 : b.index;
        if (typeof index !== 'number' || !Number.isInteger(index)) throw docxErrors.invalidParam('index must be an integer');
        const ectx = elementCtx(ctx);
        const type = userIdType(ctx);
        doc.mustGet(ctx.params.block_id!);
        return write(
          ctx,
          doc,
          () => {
            const result = createDescendants(doc, ctx.params.block_id!, index, b.children_id, b.descendants, ectx);
            return { children: result.created.map((block) => store.render(block, type)), block_id_relations: result.relations };
          },
          true,
        );
      },
    },
    {
      ...edit,
      method: 'DELETE',
      pattern: `${BASE}/:document_id/blocks/:block_id/children/batch_delete`,
      name: 'docx.v1.documentBlockChildren.batchDelete',
      handle: (ctx) => {
        const doc = load(ctx, 'edit');
        const b = body(ctx);
        doc.mustGet(ctx.params.block_id!);
        return write(ctx, doc, () => {
          deleteChildren(doc, ctx.params.block_id!, b.start_index, b.end_index);
          return {};
        });
      },
    },
    {
      ...read,
      method: 'GET',
      pattern: `${BASE}/:document_id`,
      name: 'docx.v1.document.get',
      handle: (ctx) => {
        const doc = load(ctx, 'view');
        return { document: { document_id: doc.id, revision_id: doc.revision, title: doc.title } };
      },
    },
  ];
}
