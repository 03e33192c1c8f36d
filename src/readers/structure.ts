import type { Block, Inline } from '../core/model/document';
import { inlineText } from '../core/model/text';

/** Turns indentation into list nesting: deeper than the item above is one level down. */
export class ListNesting {
  private indents: number[] = [];

  level(indent: number): number {
    while (this.indents.length > 0 && indent < this.indents[this.indents.length - 1]!) this.indents.pop();
    if (this.indents.length === 0 || indent > this.indents[this.indents.length - 1]!) this.indents.push(indent);
    return this.indents.length - 1;
  }

  reset(): void {
    this.indents = [];
  }
}

const MAX_LEAD_LENGTH = 20;
const MAX_LEAD_WORDS = 5;
const PUNCTUATION = /[。！？!?；;，,：:、]/u;

/**
 * A short line that introduces a list or a table is a section heading (level 3):
 * "决议：", "行动项：", "Action items", "本周进展". Keeps the section words where the extractor looks.
 */
export function promoteLeadHeadings(blocks: Block[]): Block[] {
  return blocks.map((block, i) => {
    if (block.type !== 'paragraph') return block;
    const next = blocks[i + 1];
    if (!next || (next.type !== 'listItem' && next.type !== 'table')) return block;
    const content = leadContent(block.content);
    return content ? { type: 'heading', level: 3, content, ...(block.anchor ? { anchor: block.anchor } : {}) } : block;
  });
}

/** The heading content of a lead line (without its trailing colon), or null when it is not one. */
function leadContent(content: readonly Inline[]): Inline[] | null {
  if (content.some((run) => run.type !== 'text')) return null;
  const text = inlineText(content).trim();
  const body = text.replace(/[:：]$/u, '').trim();
  if (body.length === 0 || body.length > MAX_LEAD_LENGTH || PUNCTUATION.test(body)) return null;
  if (/[A-Za-z]/u.test(body) && body.split(/\s+/u).length > MAX_LEAD_WORDS) return null;
  if (body === text && !isSectionLike(body)) return null;
  return [{ type: 'text', text: body }];
}

/**
 * Without a colon, only lines that read like a section title lead a list: words only, no digits (a date
 * or a count) and no symbols. A colon always marks a lead line.
 */
function isSectionLike(body: string): boolean {
  return /^\p{L}[\p{L}\p{M}\s&/·()（）'’-]*$/u.test(body);
}
