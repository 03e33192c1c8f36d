/**
 * The workspace folder's documents: one `<id>.json` file per document, holding the core model
 * (MinutesDocument) as JSON. Writes go to a temporary file first, so a crash never leaves half a file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MinutesDocument } from '../core/model/document';

export interface DocumentEntry {
  id: string;
  title: string;
  modifiedAt: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isDocumentId(id: string): boolean {
  return ID.test(id);
}

export class DocumentFolder {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  list(): DocumentEntry[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json') && isDocumentId(f.slice(0, -5)))
      .map((f) => {
        const id = f.slice(0, -5);
        const doc = this.read(id);
        return { id, title: doc?.title ?? id, modifiedAt: statSync(join(this.dir, f)).mtimeMs };
      })
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  has(id: string): boolean {
    return isDocumentId(id) && existsSync(this.file(id));
  }

  read(id: string): MinutesDocument | null {
    if (!this.has(id)) return null;
    try {
      const value = JSON.parse(readFileSync(this.file(id), 'utf8')) as unknown;
      return isMinutesDocument(value) ? value : null;
    } catch {
      return null;
    }
  }

  modifiedAt(id: string): number | undefined {
    return this.has(id) ? statSync(this.file(id)).mtimeMs : undefined;
  }

  write(id: string, doc: MinutesDocument): void {
    if (!isDocumentId(id)) throw new Error(`not a document id: ${id}`);
    const tmp = `${this.file(id)}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(doc, null, 1)}\n`);
    renameSync(tmp, this.file(id));
  }

  /** A new id from the title, unique in the folder. */
  freeId(title: string): string {
    const base = title.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 40) || 'minutes';
    let id = base;
    for (let n = 2; this.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  private file(id: string): string {
    return join(this.dir, `${id}.json`);
  }
}

/** A shallow check that a saved file or a request body is a document (blocks with known types). */
export function isMinutesDocument(value: unknown): value is MinutesDocument {
  if (typeof value !== 'object' || value === null) return false;
  const { blocks, title } = value as { blocks?: unknown; title?: unknown };
  if (title !== undefined && typeof title !== 'string') return false;
  return Array.isArray(blocks) && blocks.every(isBlock);
}

function isBlock(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as { type?: unknown; content?: unknown; rows?: unknown };
  if (b.type === 'table') {
    return Array.isArray(b.rows) && b.rows.every((r: unknown) => typeof r === 'object' && r !== null && Array.isArray((r as { cells?: unknown }).cells) &&
      (r as { cells: unknown[] }).cells.every((c) => typeof c === 'object' && c !== null && Array.isArray((c as { blocks?: unknown }).blocks) && (c as { blocks: unknown[] }).blocks.every(isBlock)));
  }
  return (b.type === 'paragraph' || b.type === 'heading' || b.type === 'listItem') && Array.isArray(b.content) && b.content.every(isInline);
}

function isInline(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  switch (r.type) {
    case 'text':
      return typeof r.text === 'string';
    case 'person':
      return typeof r.name === 'string';
    case 'date':
      return typeof r.date === 'string';
    case 'link':
      return typeof r.text === 'string' && typeof r.url === 'string';
    default:
      return false;
  }
}
