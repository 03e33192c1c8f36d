import mammoth from 'mammoth';
import type { MinutesDocument } from '../core/model/document';
import { readHtml } from './html';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/** Whether the bytes start with the given signature. */
export function hasSignature(data: Uint8Array, signature: readonly number[]): boolean {
  return data.length >= signature.length && signature.every((byte, i) => data[i] === byte);
}

/** A .docx is a ZIP archive. */
export function looksLikeZip(data: Uint8Array): boolean {
  return hasSignature(data, ZIP_SIGNATURE);
}

/**
 * A Word .docx file as the minutes model (via mammoth's HTML: headings, lists, tables with merged cells,
 * checkboxes, links). Anything that is not a readable .docx rejects with a one-line Error.
 */
export async function readDocx(data: Uint8Array): Promise<MinutesDocument> {
  if (hasSignature(data, OLE_SIGNATURE)) {
    throw new Error('this is an old binary Word (.doc) file; save it as .docx and try again');
  }
  if (!looksLikeZip(data)) throw new Error('not a .docx file (it is not a ZIP archive)');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      {
        // Images are not minutes: skip them instead of inlining them as data URIs.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    throw new Error(`not a readable .docx file (${oneLine(error)})`, { cause: error });
  }
  return readHtml(html);
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || 'unknown error';
}
