/** Drive file event subscriptions (§7.1): subscribe / get_subscribe / delete_subscribe. */
import type { DocxStore } from './docx/store';
import { hasAccess } from './docx/document';
import { driveErrors } from './errors';
import type { Route, RouteContext } from './router';

const FILE_TYPES = new Set(['doc', 'docx', 'sheet', 'bitable', 'file', 'folder']);

export function driveRoutes(docs: DocxStore): Route[] {
  const common = { family: 'drive' as const, auth: 'any' as const };
  const target = (ctx: RouteContext, need: 'view' | 'manage') => {
    const fileType = ctx.query.get('file_type');
    if (!fileType || !FILE_TYPES.has(fileType)) throw driveErrors.param('file_type is required (doc, docx, sheet, bitable, file, folder)');
    const doc = docs.docs.get(ctx.params.file_token ?? '');
    if (!doc || fileType !== 'docx') throw driveErrors.notFound();
    // Only the owner or a manager can subscribe ("文档的通知事件仅支持文档拥有者和文档管理者订阅").
    if (ctx.identity?.kind === 'tenant' && !hasAccess(doc.accessOf(ctx.identity.appId), need)) throw driveErrors.forbidden();
    return doc;
  };
  return [
    {
      ...common,
      kind: 'write',
      method: 'POST',
      pattern: '/open-apis/drive/v1/files/:file_token/subscribe',
      name: 'drive.v1.file.subscribe',
      handle: (ctx) => {
        target(ctx, 'manage').subscribers.add(ctx.identity!.appId);
        return {};
      },
    },
    {
      ...common,
      kind: 'read',
      method: 'GET',
      pattern: '/open-apis/drive/v1/files/:file_token/get_subscribe',
      name: 'drive.v1.file.getSubscribe',
      handle: (ctx) => ({ is_subscribe: target(ctx, 'view').subscribers.has(ctx.identity!.appId) }),
    },
    {
      ...common,
      kind: 'write',
      method: 'DELETE',
      pattern: '/open-apis/drive/v1/files/:file_token/delete_subscribe',
      name: 'drive.v1.file.deleteSubscribe',
      handle: (ctx) => {
        target(ctx, 'manage').subscribers.delete(ctx.identity!.appId);
        return {};
      },
    },
  ];
}
