/**
 * A loopback stand-in for the Open API's user-identity endpoints the sidebar API relies on (the
 * emulator does not cover them): `authen/v1/user_info`, `authen/v2/oauth/token` and
 * `drive/v1/permissions/:token/members/auth`. Shapes follow the Open API documentation.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IdentityServer {
  baseUrl: string;
  /** A user_access_token for a user. */
  issue(user: { openId: string; name: string }): string;
  /** An OAuth authorization code for a user (single use). */
  code(user: { openId: string; name: string }): string;
  grantEdit(openId: string, documentId: string): void;
  calls: string[];
  close(): Promise<void>;
}

export async function startIdentityServer(): Promise<IdentityServer> {
  const tokens = new Map<string, { openId: string; name: string }>();
  const codes = new Map<string, { openId: string; name: string }>();
  const editors = new Set<string>();
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      calls.push(`${req.method} ${url.pathname}`);
      const reply = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (req.method === 'POST' && url.pathname === '/open-apis/authen/v2/oauth/token') {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { code?: string };
        const user = body.code ? codes.get(body.code) : undefined;
        if (!user) return reply(400, { code: 20003, error: 'invalid_grant' });
        codes.delete(body.code!);
        const token = `u-${randomBytes(12).toString('hex')}`;
        tokens.set(token, user);
        return reply(200, { code: 0, access_token: token, expires_in: 7200, token_type: 'Bearer' });
      }
      const user = bearer ? tokens.get(bearer) : undefined;
      if (!user) return reply(400, { code: 99991668, msg: 'Invalid access token for authorization' });
      if (req.method === 'GET' && url.pathname === '/open-apis/authen/v1/user_info') {
        return reply(200, { code: 0, msg: 'success', data: { open_id: user.openId, name: user.name } });
      }
      const m = /^\/open-apis\/drive\/v1\/permissions\/([^/]+)\/members\/auth$/.exec(url.pathname);
      if (req.method === 'GET' && m && url.searchParams.get('type') === 'docx') {
        const action = url.searchParams.get('action');
        return reply(200, { code: 0, msg: 'success', data: { auth_result: action === 'edit' && editors.has(`${user.openId}:${decodeURIComponent(m[1]!)}`) } });
      }
      return reply(404, { code: 404, msg: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    issue: (user) => {
      const token = `u-${randomBytes(12).toString('hex')}`;
      tokens.set(token, user);
      return token;
    },
    code: (user) => {
      const code = randomBytes(8).toString('hex');
      codes.set(code, user);
      return code;
    },
    grantEdit: (openId, documentId) => void editors.add(`${openId}:${documentId}`),
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
