/**
 * Every block and table row carries a unique anchor: new ones get a fresh id, and a split or copied
 * node that inherited its source's anchor gets its own (the original keeps it, so its task stays).
 */
import { Plugin, type Transaction } from 'prosemirror-state';
import type { Node as PmNode } from 'prosemirror-model';
import { ANCHORED } from './schema';

let counter = 0;

export function newAnchor(): string {
  counter += 1;
  return `e${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export function fixAnchors(doc: PmNode, tr: Transaction): boolean {
  const seen = new Set<string>();
  let changed = false;
  doc.descendants((node, pos) => {
    if (!ANCHORED.has(node.type.name)) return true;
    const anchor = node.attrs.anchor as string | null;
    if (!anchor || seen.has(anchor)) {
      tr.setNodeAttribute(pos, 'anchor', newAnchor());
      changed = true;
    } else {
      seen.add(anchor);
    }
    return true;
  });
  return changed;
}

export function anchorsPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((t) => t.docChanged)) return null;
      const tr = state.tr;
      return fixAnchors(state.doc, tr) ? tr.setMeta('addToHistory', false) : null;
    },
  });
}
