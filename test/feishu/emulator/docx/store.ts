/** All documents, test seeding and user edits ("as a user" in the Docs editor). */
import type { Directory, UserIdType } from '../directory';
import { docxErrors } from '../errors';
import type { JsonObject } from '../json';
import { clone, isObject } from '../json';
import type { SeedBlock } from './build';
import { createSeed } from './build';
import type { Access } from './document';
import { DocxDocument } from './document';
import type { Block, ElementContext } from './model';
import { TEXT_TYPES, payloadKey, plainText, renderElement } from './model';
import { applyOperation, deleteChildren } from './operations';

export type Operator = { kind: 'app'; appId: string } | { kind: 'user'; openId: string };

export interface DocumentInfo {
  documentId: string;
  /** Equals documentId (docx FAQ Q13). */
  pageBlockId: string;
  title: string;
  revisionId: number;
}

export interface CreateDocumentOptions {
  title?: string;
  blocks?: SeedBlock[];
  /** Access of every app (default 'manage': shared with the app as 可管理). */
  access?: Access;
  /** Per-app access overriding `access`. */
  appAccess?: Record<string, Access>;
  documentId?: string;
}

/** One change in a user edit: a batch_update-style request or a structural change. */
export type UserEdit =
  | ({ block_id: string } & JsonObject)
  | { insert: { parent_id?: string; index?: number; blocks: SeedBlock[] } }
  | { delete: { parent_id: string; start_index: number; end_index: number } }
  | { set_title: string };

export class DocxStore {
  readonly docs = new Map<string, DocxDocument>();
  onEdit: (doc: DocxDocument, operator: Operator) => void = () => undefined;

  constructor(private readonly directory: Directory) {}

  elementContext(userIdType: UserIdType, defaultCreator: string): ElementContext {
    return { directory: this.directory, userIdType, defaultCreator, counts: { reminders: 0, mentionDocs: 0, mentionUsers: 0 } };
  }

  create(options: CreateDocumentOptions = {}): DocxDocument {
    const doc = new DocxDocument({
      title: options.title ?? 'Untitled',
      defaultAccess: options.access ?? 'manage',
      ...(options.documentId ? { id: options.documentId } : {}),
    });
    if (this.docs.has(doc.id)) throw new Error(`document ${doc.id} exists`);
    for (const [appId, access] of Object.entries(options.appAccess ?? {})) doc.access.set(appId, access);
    if (options.blocks && options.blocks.length > 0) {
      // Seeding is the document's initial content: it stays revision 1.
      createSeed(doc, doc.id, -1, options.blocks, this.elementContext('open_id', ''));
      doc.resetHistory();
    }
    this.docs.set(doc.id, doc);
    return doc;
  }

  get(documentId: string): DocxDocument {
    const doc = this.docs.get(documentId);
    if (!doc) throw new Error(`no document ${documentId}`);
    return doc;
  }

  info(doc: DocxDocument): DocumentInfo {
    return { documentId: doc.id, pageBlockId: doc.id, title: doc.title, revisionId: doc.revision };
  }

  /** A block as the API shows it: a deep copy with mention ids in the requested id type. */
  render(block: Block, userIdType: UserIdType): Block {
    const out = clone(block);
    if (TEXT_TYPES.has(out.block_type) && userIdType !== 'open_id') {
      const key = payloadKey(out.block_type)!;
      const payload = out[key];
      if (isObject(payload) && Array.isArray(payload.elements)) {
        payload.elements = payload.elements.map((e) => (isObject(e) ? renderElement(e, this.directory, userIdType) : e));
      }
    }
    return out;
  }

  text(doc: DocxDocument, blockId: string): string {
    const block = doc.get(blockId);
    if (!block) throw new Error(`no block ${blockId}`);
    return doc
      .preorder(blockId)
      .filter((b) => TEXT_TYPES.has(b.block_type))
      .map((b) => plainText(b, this.directory))
      .join('\n');
  }

  /** raw_content: the title line, then one line per text block. */
  rawContent(doc: DocxDocument): string {
    return doc
      .preorder()
      .filter((b) => TEXT_TYPES.has(b.block_type))
      .map((b) => `${plainText(b, this.directory)}\n`)
      .join('');
  }

  /** Apply user edits as one revision and notify subscribers. Returns the new revision id. */
  editAsUser(documentId: string, edits: readonly UserEdit[], operatorOpenId: string, notify = true): number {
    const doc = this.get(documentId);
    const ectx = this.elementContext('open_id', operatorOpenId);
    doc.write(() => {
      edits.forEach((edit, i) => {
        if ('set_title' in edit && typeof edit.set_title === 'string') doc.setTitle(edit.set_title);
        else if ('insert' in edit && isObject(edit.insert)) {
          const insert = edit.insert as { parent_id?: string; index?: number; blocks: SeedBlock[] };
          createSeed(doc, insert.parent_id ?? doc.id, insert.index ?? -1, insert.blocks, ectx);
        } else if ('delete' in edit && isObject(edit.delete)) {
          const del = edit.delete as { parent_id: string; start_index: number; end_index: number };
          deleteChildren(doc, del.parent_id, del.start_index, del.end_index);
        } else if ('block_id' in edit && typeof edit.block_id === 'string') {
          applyOperation(doc, edit.block_id, edit as JsonObject, ectx, `edits[${i}]`);
        } else {
          throw docxErrors.invalidParam(`edits[${i}] is not an edit`);
        }
      });
    });
    if (notify) this.onEdit(doc, { kind: 'user', openId: operatorOpenId });
    return doc.revision;
  }

  /** An autosave ping with no visible change: the revision moves and subscribers are told. */
  touchAsUser(documentId: string, operatorOpenId: string): number {
    const doc = this.get(documentId);
    doc.write(() => undefined);
    this.onEdit(doc, { kind: 'user', openId: operatorOpenId });
    return doc.revision;
  }
}
