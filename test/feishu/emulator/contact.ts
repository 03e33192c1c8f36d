/** Contact v3 look-ups and search/v1/user (§6). */
import type { Directory, DirectoryUser, UserIdType } from './directory';
import { normalizeMobile, parseUserIdType } from './directory';
import { contactErrors, platformErrors } from './errors';
import type { JsonObject } from './json';
import { isObject, queryInt } from './json';
import type { Route, RouteContext } from './router';

function idType(ctx: RouteContext): UserIdType {
  const type = parseUserIdType(ctx.query.get('user_id_type'));
  if (!type) throw platformErrors.fieldValidation([{ field: 'user_id_type', description: 'user_id_type must be open_id, union_id or user_id' }]);
  return type;
}

function pageOf<T>(ctx: RouteContext, items: T[], defaultSize: number, maxSize: number): { items: T[]; has_more: boolean; page_token: string } {
  const size = queryInt(ctx.query.get('page_size')) ?? defaultSize;
  if (!Number.isInteger(size) || size < 1 || size > maxSize) {
    throw platformErrors.fieldValidation([{ field: 'page_size', description: `page_size must be 1..${maxSize}` }]);
  }
  const token = ctx.query.get('page_token');
  const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^u:/, '')) : 0;
  if (!Number.isInteger(start) || start < 0) throw platformErrors.fieldValidation([{ field: 'page_token', description: 'invalid page_token' }]);
  const hasMore = start + size < items.length;
  return { items: items.slice(start, start + size), has_more: hasMore, page_token: hasMore ? Buffer.from(`u:${start + size}`).toString('base64url') : '' };
}

/** A user as contact v3 shows it (ids for the requested id type included, scope flag dropped). */
export function renderUser(user: DirectoryUser): JsonObject {
  const { inScope: _inScope, ...rest } = user;
  return {
    ...rest,
    avatar: { avatar_72: '', avatar_240: '', avatar_640: '', avatar_origin: '' },
    is_tenant_manager: false,
  };
}

export function contactRoutes(directory: Directory): Route[] {
  const common = { family: 'contact' as const };
  return [
    {
      ...common,
      kind: 'read',
      auth: 'tenant',
      method: 'POST',
      pattern: '/open-apis/contact/v3/users/batch_get_id',
      name: 'contact.v3.user.batchGetId',
      handle: (ctx) => {
        const type = idType(ctx);
        const b = isObject(ctx.body) ? ctx.body : {};
        const emails = b.emails ?? [];
        const mobiles = b.mobiles ?? [];
        if (!Array.isArray(emails) || !emails.every((e) => typeof e === 'string') || emails.length > 50) {
          throw platformErrors.fieldValidation([{ field: 'emails', description: 'emails must be at most 50 strings' }]);
        }
        if (!Array.isArray(mobiles) || !mobiles.every((m) => typeof m === 'string') || mobiles.length > 50) {
          throw platformErrors.fieldValidation([{ field: 'mobiles', description: 'mobiles must be at most 50 strings' }]);
        }
        const includeResigned = b.include_resigned === true;
        const visible = (u: DirectoryUser | undefined): u is DirectoryUser => !!u && u.inScope && (includeResigned || !u.status.is_resigned);
        const all = directory.all();
        const list: JsonObject[] = [];
        for (const email of emails as string[]) {
          const user = all.find((u) => u.email !== '' && u.email.toLowerCase() === email.toLowerCase());
          list.push(visible(user) ? { user_id: user[type], email, status: user.status } : { email });
        }
        for (const mobile of mobiles as string[]) {
          const user = all.find((u) => u.mobile !== '' && u.mobile === normalizeMobile(mobile));
          list.push(visible(user) ? { user_id: user[type], mobile, status: user.status } : { mobile });
        }
        return { user_list: list };
      },
    },
    {
      ...common,
      kind: 'read',
      auth: 'any',
      method: 'GET',
      pattern: '/open-apis/contact/v3/users/find_by_department',
      name: 'contact.v3.user.findByDepartment',
      handle: (ctx) => {
        idType(ctx);
        const department = ctx.query.get('department_id');
        if (!department) throw platformErrors.fieldValidation([{ field: 'department_id', description: 'department_id is required' }]);
        const idKind = ctx.query.get('department_id_type') ?? 'open_department_id';
        const dept = [...directory.departments.values()].find((d) => (idKind === 'department_id' ? d.department_id : d.open_department_id) === department);
        if (!dept) throw contactErrors.departmentNotFound();
        const users = directory.all().filter((u) => u.inScope && !u.status.is_resigned && u.department_ids.includes(dept.open_department_id));
        const page = pageOf(ctx, users, 10, 50);
        return { ...page, items: page.items.map(renderUser) };
      },
    },
    {
      ...common,
      kind: 'read',
      auth: 'tenant',
      method: 'POST',
      pattern: '/open-apis/contact/v3/users/basic_batch',
      name: 'contact.v3.user.basicBatch',
      handle: (ctx) => {
        const type = idType(ctx);
        const ids = isObject(ctx.body) ? ctx.body.user_ids : undefined;
        if (!Array.isArray(ids) || ids.length === 0 || ids.length > 10 || !ids.every((i) => typeof i === 'string')) {
          throw platformErrors.fieldValidation([{ field: 'user_ids', description: 'user_ids must hold 1..10 ids' }]);
        }
        const users = (ids as string[]).map((id) => directory.byIdType(id, type)).filter((u): u is DirectoryUser => !!u);
        return { users: users.map((u) => ({ user_id: u[type], name: u.name, i18n_name: { zh_cn: u.name, en_us: u.en_name } })) };
      },
    },
    {
      ...common,
      kind: 'read',
      auth: 'any',
      method: 'GET',
      pattern: '/open-apis/contact/v3/users/:user_id',
      name: 'contact.v3.user.get',
      handle: (ctx) => {
        const user = directory.byIdType(ctx.params.user_id ?? '', idType(ctx));
        if (!user) throw contactErrors.userNotFound();
        if (!user.inScope && ctx.identity?.kind === 'tenant') throw contactErrors.noUserAuthority();
        return { user: renderUser(user) };
      },
    },
    {
      ...common,
      kind: 'read',
      auth: 'user',
      method: 'GET',
      pattern: '/open-apis/search/v1/user',
      name: 'search.v1.user',
      handle: (ctx) => {
        const query = (ctx.query.get('query') ?? '').trim().toLowerCase();
        if (query === '') throw platformErrors.fieldValidation([{ field: 'query', description: 'query is required' }]);
        const found = directory
          .all()
          .filter((u) => !u.status.is_resigned && (u.name.toLowerCase().includes(query) || u.en_name.toLowerCase().includes(query)));
        const page = pageOf(ctx, found, 20, 200);
        return {
          has_more: page.has_more,
          page_token: page.page_token,
          users: page.items.map((u) => ({
            name: u.name,
            open_id: u.open_id,
            user_id: u.user_id,
            department_ids: u.department_ids,
            avatar: { avatar_72: '', avatar_240: '', avatar_640: '', avatar_origin: '' },
          })),
        };
      },
    },
  ];
}
