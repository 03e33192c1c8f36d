import type { MinutesDocument } from '../core/model/document';
import { readMinutesFile } from '../readers/index';
import { CliError, firstLine } from './errors';
import type { CliIO } from './io';

/** Name given to the reader for stdin: stdin is read as Markdown-like text. */
const STDIN_NAME = 'stdin.md';

/** Read a minutes file (or stdin for '-') into the document model; bad input becomes a CliError. */
export async function readInput(path: string, io: CliIO): Promise<MinutesDocument> {
  const isStdin = path === '-';
  const name = isStdin ? STDIN_NAME : path;
  const shown = isStdin ? 'stdin' : path;
  const data = isStdin ? await io.readStdin() : await readFileOrFail(path, io);
  if (!/\.docx$/i.test(name) && looksBinary(data)) {
    throw new CliError(`cannot read ${shown}: it looks like a binary file, not minutes text (.md, .txt or .docx)`);
  }
  try {
    return await readMinutesFile(name, data);
  } catch (error) {
    throw new CliError(`cannot read ${shown}: ${firstLine(error)}`);
  }
}

async function readFileOrFail(path: string, io: CliIO): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError(`cannot read ${path}: no such file`);
    if (code === 'EISDIR') throw new CliError(`cannot read ${path}: it is a directory`);
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(`cannot read ${path}: permission denied`);
    throw new CliError(`cannot read ${path}: ${firstLine(error)}`);
  }
}

/**
 * Text files have no NUL bytes; like git and grep, look at the first 8 KB. UTF-16 text (with a BOM) and
 * ZIP files (a .docx under another name) are left to the reader.
 */
function looksBinary(data: Uint8Array): boolean {
  const [b0, b1, b2, b3] = data;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return false;
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) return false;
  const end = Math.min(data.length, 8192);
  for (let i = 0; i < end; i++) if (data[i] === 0) return true;
  return false;
}
