import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeishuEmulator } from './emulator';
import { decryptEventBody, eventSignature, seed, startFeishuEmulator } from './emulator';
import { lark, sdkClient, silentLogger } from './support/sdk';

const ENCRYPT_KEY = 'test-encrypt-key-0123';
const VERIFICATION_TOKEN = 'verification-token-abc';

describe('feishu emulator: webhook delivery to the SDK EventDispatcher', () => {
  let emu: FeishuEmulator;
  let server: Server;
  let url: string;
  const received: Record<string, unknown>[] = [];

  beforeEach(async () => {
    received.length = 0;
    emu = await startFeishuEmulator({ apps: [{ appId: 'cli_9f5343c580712544', appSecret: 's', encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN }] });
    const dispatcher = new lark.EventDispatcher({ encryptKey: ENCRYPT_KEY, verificationToken: VERIFICATION_TOKEN, logger: silentLogger, loggerLevel: lark.LoggerLevel.error }).register({
      'drive.file.edit_v1': (data: Record<string, unknown>) => {
        received.push(data);
        return { ok: true };
      },
    });
    server = createServer(lark.adaptDefault('/webhook/event', dispatcher, { autoChallenge: true }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/event`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await emu.close();
  });

  it('passes URL verification (encrypted challenge)', async () => {
    const result = await emu.events.verifyWebhookUrl({ url });
    expect(result.ok).toBe(true);
    expect(JSON.parse(decryptEventBody(ENCRYPT_KEY, (JSON.parse(result.response.sentBody) as { encrypt: string }).encrypt))).toMatchObject({
      type: 'url_verification',
      token: VERIFICATION_TOKEN,
      challenge: result.challenge,
    });
  });

  it('a signed and encrypted event is accepted and reaches the handler', async () => {
    const payload = emu.events.build('drive.file.edit_v1', { file_token: 'doxcnWebhookWebhookWebhook1', file_type: 'docx', operator_id_list: [] });
    const response = await emu.events.postWebhook({ url, payload, encryptKey: ENCRYPT_KEY });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ event_type: 'drive.file.edit_v1', file_token: 'doxcnWebhookWebhookWebhook1', token: VERIFICATION_TOKEN, event_id: payload.header.event_id });
    // The body is {"encrypt": …} and the signature covers exactly that body.
    const headers = response.sentHeaders;
    expect(Object.keys(JSON.parse(response.sentBody) as object)).toEqual(['encrypt']);
    expect(headers['x-lark-signature']).toBe(eventSignature(headers['x-lark-request-timestamp']!, headers['x-lark-request-nonce']!, ENCRYPT_KEY, response.sentBody));
  });

  it('a signed plain-JSON event is accepted too', async () => {
    const payload = emu.events.build('drive.file.edit_v1', { file_token: 'doxcnPlainPlainPlainPlain01', file_type: 'docx' });
    const response = await emu.events.postWebhook({ url, payload, encryptKey: ENCRYPT_KEY, encrypt: false });
    expect(response.json).toEqual({ ok: true });
    expect(received).toHaveLength(1);
  });

  it('a forged signature is rejected: HTTP 200, empty body, handler not called', async () => {
    const payload = emu.events.build('drive.file.edit_v1', { file_token: 'doxcnForgedForgedForgedFo01', file_type: 'docx' });
    const forged = await emu.events.postWebhook({ url, payload, encryptKey: ENCRYPT_KEY, signature: 'forged' });
    expect(forged.status).toBe(200);
    expect(forged.text).toBe('');
    const unsigned = await emu.events.postWebhook({ url, payload, encryptKey: ENCRYPT_KEY, signature: 'none' });
    expect(unsigned.text).toBe('');
    // Signed with another key (plain body: an undecryptable body would crash the SDK's autoChallenge step).
    const wrongKey = await emu.events.postWebhook({ url, payload, encryptKey: 'another-key', encrypt: false });
    expect(wrongKey.text).toBe('');
    expect(received).toHaveLength(0);
  });

  it('document edits go to the app webhook when it has no long connection', async () => {
    emu.events.setWebhook({ url });
    const doc = emu.docs.create({ blocks: [seed.text('x')] });
    await sdkClient(emu).drive.v1.file.subscribe({ path: { file_token: doc.documentId }, params: { file_type: 'docx' } });
    emu.docs.touchAsUser(doc.documentId);
    await emu.events.waitFor((all) => all.some((d) => d.status === 'delivered'));
    expect(received).toEqual([expect.objectContaining({ file_token: doc.documentId, event_type: 'drive.file.edit_v1' })]);
    expect(emu.events.deliveries()[0]?.attempts[0]).toMatchObject({ via: 'webhook', outcome: 'acked', response: { status: 200, json: { ok: true } } });
  });
});
