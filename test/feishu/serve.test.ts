/** `minutes serve`: one clear line and exit 1 for bad configuration or credentials; starts and stops cleanly. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { serveCommand } from '../../src/cli/serve';
import type { CliIO } from '../../src/cli/io';
import { startFeishuEmulator } from './emulator';
import { tempDbPath } from './support/service';

function io(env: Record<string, string>): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readStdin: async () => new Uint8Array(),
    readFile: async () => new Uint8Array(),
    env,
    now: () => new Date(),
  };
}

describe('minutes serve', () => {
  it('missing credentials: one line, exit 1', async () => {
    const cli = io({});
    expect(await runCli(['serve'], cli)).toBe(1);
    expect(cli.err).toHaveLength(1);
    expect(cli.err[0]).toMatch(/^minutes: FEISHU_APP_ID and FEISHU_APP_SECRET must be set.*\n$/);
  });

  it('wrong credentials: one line naming the variables, exit 1, no secret printed', async () => {
    const emu = await startFeishuEmulator();
    const db = tempDbPath();
    try {
      const cli = io({ FEISHU_APP_ID: emu.app.appId, FEISHU_APP_SECRET: 'not-the-secret-123', FEISHU_BASE_URL: emu.baseUrl, MINUTES_DB: db.path, PORT: '0', HOST: '127.0.0.1' });
      expect(await runCli(['serve'], cli)).toBe(1);
      expect(cli.err).toHaveLength(1);
      expect(cli.err[0]).toContain('rejected FEISHU_APP_ID / FEISHU_APP_SECRET');
      expect(cli.err.join('')).not.toContain('not-the-secret-123');
    } finally {
      await emu.close();
      db.cleanup();
    }
  });

  it('starts with good credentials and stops on the signal', async () => {
    const emu = await startFeishuEmulator();
    const db = tempDbPath();
    try {
      const cli = io({ FEISHU_APP_ID: emu.app.appId, FEISHU_APP_SECRET: emu.app.appSecret, FEISHU_BASE_URL: emu.baseUrl, MINUTES_DB: db.path, PORT: '0', HOST: '127.0.0.1', FEISHU_EVENTS: 'none' });
      let port = 0;
      let stop!: () => void;
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      const run = serveCommand([], cli, { stopSignal: () => stopped, onStarted: (p) => (port = p) });
      while (port === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ ok: true });
      stop();
      expect(await run).toBe(0);
      expect(cli.err.join('')).toContain('listening on');
    } finally {
      await emu.close();
      db.cleanup();
    }
  });
});
