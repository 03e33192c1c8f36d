/** Token endpoints (top-level token/expire, no `data`, §8.3) and the bot info the app uses to know itself. */
import type { AuthRegistry } from './auth';
import { authErrors } from './errors';
import { isObject } from './json';
import type { Route, RouteContext } from './router';
import { RawReply } from './router';

export function authRoutes(auth: AuthRegistry): Route[] {
  const credentials = (ctx: RouteContext) => {
    const b = isObject(ctx.body) ? ctx.body : {};
    if (typeof b.app_id !== 'string' || typeof b.app_secret !== 'string') throw authErrors.invalidParam('app_id and app_secret are required');
    const app = auth.checkCredentials(b.app_id, b.app_secret);
    if (app === 'unknown') throw authErrors.invalidParam(`app_id ${b.app_id} does not exist`);
    if (app === 'secret') throw authErrors.appSecretInvalid();
    ctx.call.appId = app.appId;
    return app;
  };
  const common = { kind: 'auth' as const, family: 'other' as const, auth: 'none' as const, method: 'POST' as const };
  return [
    {
      ...common,
      pattern: '/open-apis/auth/v3/tenant_access_token/internal',
      name: 'auth.v3.tenantAccessToken.internal',
      handle: (ctx) => {
        const app = credentials(ctx);
        const { token, expire } = auth.issue('tenant', app.appId);
        return new RawReply(200, { code: 0, msg: 'ok', tenant_access_token: token, expire });
      },
    },
    {
      ...common,
      pattern: '/open-apis/auth/v3/app_access_token/internal',
      name: 'auth.v3.appAccessToken.internal',
      handle: (ctx) => {
        const app = credentials(ctx);
        const appToken = auth.issue('app', app.appId);
        const tenant = auth.issue('tenant', app.appId);
        return new RawReply(200, { code: 0, msg: 'ok', app_access_token: appToken.token, expire: appToken.expire, tenant_access_token: tenant.token });
      },
    },
    {
      kind: 'read',
      family: 'other',
      auth: 'tenant',
      method: 'GET',
      pattern: '/open-apis/bot/v3/info',
      name: 'bot.v3.info',
      handle: (ctx) => {
        const app = ctx.app!;
        return new RawReply(200, { code: 0, msg: 'ok', bot: { activate_status: 2, app_name: app.name, avatar_url: '', ip_white_list: [], open_id: app.botOpenId } });
      },
    },
  ];
}
