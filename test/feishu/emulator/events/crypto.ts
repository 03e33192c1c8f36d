/** Webhook signing and encryption as the SDK's EventDispatcher / AESCipher verify them (§8.7). */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** x-lark-signature = hex(sha256(timestamp + nonce + encryptKey + body)). */
export function signature(timestamp: string, nonce: string, encryptKey: string, body: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + body).digest('hex');
}

/** base64(iv ‖ AES-256-CBC(key = sha256(encryptKey), PKCS7)(plaintext)). */
export function encrypt(encryptKey: string, plaintext: string): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

export function decrypt(encryptKey: string, encrypted: string): string {
  const data = Buffer.from(encrypted, 'base64');
  const key = createHash('sha256').update(encryptKey).digest();
  const decipher = createDecipheriv('aes-256-cbc', key, data.subarray(0, 16));
  return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8');
}
