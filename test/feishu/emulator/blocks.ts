/** Builders for seeding documents and writing user edits in tests (the shapes of 块的数据结构). */
import type { SeedBlock } from './docx/build';
import type { JsonObject } from './json';

export type ElementInput = string | JsonObject;

const element = (input: ElementInput): JsonObject => (typeof input === 'string' ? el.text(input) : input);

export const el = {
  text(content: string, style: JsonObject = {}): JsonObject {
    return { text_run: { content, text_element_style: style } };
  },
  bold(content: string): JsonObject {
    return el.text(content, { bold: true });
  },
  /** A hyperlink run; the URL is URL-encoded as the API requires. */
  link(content: string, url: string): JsonObject {
    return el.text(content, { link: { url: encodeURIComponent(url) } });
  },
  /** @mention of a user by open_id. */
  mention(openId: string): JsonObject {
    return { mention_user: { user_id: openId, text_element_style: {} } };
  },
  /** A date reminder chip; ms timestamps as strings like the API returns them. */
  reminder(expireMs: number, options: { wholeDay?: boolean; notifyMs?: number; createUserId?: string; notify?: boolean } = {}): JsonObject {
    return {
      reminder: {
        create_user_id: options.createUserId ?? '',
        is_notify: options.notify ?? false,
        is_whole_day: options.wholeDay ?? true,
        expire_time: String(expireMs),
        notify_time: String(options.notifyMs ?? expireMs),
        text_element_style: {},
      },
    };
  },
  /** A link to another docx document. */
  doc(token: string, title: string, url = `https://example.feishu.cn/docx/${token}`): JsonObject {
    return { mention_doc: { token, obj_type: 22, url: encodeURIComponent(url), title, text_element_style: {} } };
  },
};

function textLike(blockType: number, key: string, elements: ElementInput[], style: JsonObject = {}): SeedBlock {
  return { block_type: blockType, [key]: { style, elements: elements.map(element) } };
}

/** A table cell: a string or element list becomes one text block; SeedBlocks are used as they are. */
export type CellInput = string | ElementInput[] | SeedBlock[];

function isSeedList(cell: CellInput): cell is SeedBlock[] {
  return Array.isArray(cell) && cell.length > 0 && cell.every((c) => typeof c === 'object' && c !== null && typeof (c as JsonObject).block_type === 'number');
}

export const seed = {
  text: (...elements: ElementInput[]): SeedBlock => textLike(2, 'text', elements),
  heading: (level: number, ...elements: ElementInput[]): SeedBlock => {
    if (!Number.isInteger(level) || level < 1 || level > 9) throw new Error('heading level must be 1..9');
    return textLike(2 + level, `heading${level}`, elements);
  },
  bullet: (...elements: ElementInput[]): SeedBlock => textLike(12, 'bullet', elements),
  ordered: (...elements: ElementInput[]): SeedBlock => textLike(13, 'ordered', elements),
  todo: (done: boolean, ...elements: ElementInput[]): SeedBlock => textLike(17, 'todo', elements, { done }),
  quote: (...elements: ElementInput[]): SeedBlock => textLike(15, 'quote', elements),
  divider: (): SeedBlock => ({ block_type: 22, divider: {} }),
  callout: (children: SeedBlock[]): SeedBlock => ({ block_type: 19, callout: { background_color: 1 }, children }),
  /** Any block, including types the API cannot create (agenda 44, task 35, …) for reader-tolerance tests. */
  raw: (blockType: number, key: string, payload: JsonObject = {}, children: SeedBlock[] = []): SeedBlock => ({ block_type: blockType, [key]: payload, children }),
  /** A table from rows of cells (row-major), optionally with a header row. */
  table: (rows: CellInput[][], options: { headerRow?: boolean; columnWidth?: number[] } = {}): SeedBlock => {
    const columns = rows[0]?.length ?? 0;
    if (rows.length === 0 || columns === 0 || rows.some((r) => r.length !== columns)) throw new Error('table rows must be non-empty and equally long');
    const cells: SeedBlock[] = rows.flat().map((cell) => ({
      block_type: 32,
      table_cell: {},
      children: isSeedList(cell) ? cell : [seed.text(...(typeof cell === 'string' ? [cell] : (cell as ElementInput[])))],
    }));
    return {
      block_type: 31,
      table: {
        property: {
          row_size: rows.length,
          column_size: columns,
          column_width: options.columnWidth ?? Array.from({ length: columns }, () => 100),
          header_row: options.headerRow ?? false,
        },
      },
      children: cells,
    };
  },
};

export type { SeedBlock };
