import type { MinutesDocument } from '../core/model/document';
import { decodeText } from './decode';
import { looksLikeZip, readDocx } from './docx';
import { readHtml } from './html';
import { readMarkdown } from './markdown/read';

/**
 * A minutes file by its name: .docx → Word reader; .html/.htm → HTML reader; anything else (.md,
 * .markdown, .txt, stdin) is decoded as text and read as Markdown-like minutes. A ZIP under another name
 * is tried as .docx. Rejects with a one-line Error when the file cannot be read.
 */
export async function readMinutesFile(name: string, data: Uint8Array): Promise<MinutesDocument> {
  const ext = extension(name);
  const doc =
    ext === 'docx' || ext === 'docm' || (ext !== 'html' && ext !== 'htm' && looksLikeZip(data))
      ? await readDocx(data)
      : ext === 'html' || ext === 'htm'
        ? readHtml(decodeText(data))
        : readMarkdown(decodeText(data));
  const title = doc.title ?? titleOf(name);
  return title ? { ...doc, title } : doc;
}

function extension(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

/** The file name without its extension, as the document's title; none for stdin. */
function titleOf(name: string): string | undefined {
  const base = baseName(name);
  if (base === '' || base === '-' || /^stdin(?:\.\w+)?$/iu.test(base)) return undefined;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
