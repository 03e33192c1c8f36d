import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import type { Inline } from '../../core/model/document';
import { decodeEntities } from './normalize';

/** Characters that may start Markdown inline syntax; text without them (or a URL) skips the lexer. */
const NEEDS_LEXER = /[*_~`[\]<>\\!&]|https?:|www\.|@[^\s@]*\./iu;

/**
 * Inline Markdown of one line (or one cell) as runs: **bold** and *em* reduced to text (bold kept as a
 * flag), links as link runs, `@Name` left as text for the extractor. Never throws.
 */
export function parseInline(source: string): Inline[] {
  if (source.length === 0) return [];
  if (!NEEDS_LEXER.test(source)) return [{ type: 'text', text: source }];
  let tokens: Token[];
  try {
    tokens = Lexer.lexInline(source, { gfm: true });
  } catch {
    return [{ type: 'text', text: decodeEntities(source) }];
  }
  const out: Inline[] = [];
  appendTokens(out, tokens, false);
  return mergeText(out);
}

function appendTokens(out: Inline[], tokens: readonly Token[], bold: boolean): void {
  tokens.forEach((token, i) => appendToken(out, token, bold, tokens[i + 1]));
}

function appendToken(out: Inline[], token: Token, bold: boolean, next: Token | undefined): void {
  switch (token.type) {
    case 'text':
    case 'codespan':
      pushText(out, decodeEntities((token as Tokens.Text).text), bold);
      return;
    case 'escape':
      pushText(out, (token as Tokens.Escape).text, bold);
      return;
    case 'strong':
      appendTokens(out, (token as Tokens.Strong).tokens, true);
      return;
    case 'em':
      // 2*3*4 is arithmetic, not emphasis.
      if (token.raw.startsWith('*') && endsAlnum(out) && startsAlnum(next)) pushText(out, token.raw, bold);
      else appendTokens(out, (token as Tokens.Em).tokens, bold);
      return;
    case 'del':
      // A single ~ is a range (3~5日), not strikethrough.
      if (token.raw.startsWith('~~')) appendTokens(out, (token as Tokens.Del).tokens, bold);
      else pushText(out, token.raw, bold);
      return;
    case 'link':
      appendLink(out, token as Tokens.Link, bold);
      return;
    case 'image':
      pushText(out, (token as Tokens.Image).text, bold);
      return;
    case 'br':
    case 'html':
      // Tags are dropped; <br> never reaches here (lines are split on it first).
      return;
    default:
      if ('text' in token && typeof token.text === 'string') pushText(out, token.text, bold);
  }
}

function appendLink(out: Inline[], link: Tokens.Link, bold: boolean): void {
  const label = plainText(link.tokens);
  if (link.href.startsWith('mailto:') && label === link.text) {
    pushText(out, label, bold);
    return;
  }
  if (!isAutolink(link)) {
    out.push({ type: 'link', text: label, url: link.href });
    return;
  }
  // GFM autolinks run to the next space; in Chinese text they swallow the words after the URL.
  const cut = label.search(/[^\x21-\x7e]/u);
  if (cut <= 0) {
    out.push({ type: 'link', text: label, url: link.href });
    return;
  }
  const tail = label.slice(cut);
  const url = link.href.endsWith(tail) ? link.href.slice(0, link.href.length - tail.length) : link.href;
  out.push({ type: 'link', text: label.slice(0, cut), url });
  pushText(out, tail, bold);
}

function isAutolink(link: Tokens.Link): boolean {
  return (link as Tokens.Link & { autolink?: boolean }).autolink === true || link.raw === link.text;
}

function plainText(tokens: readonly Token[]): string {
  const runs: Inline[] = [];
  appendTokens(runs, tokens, false);
  return runs.map((r) => (r.type === 'text' || r.type === 'link' ? r.text : '')).join('');
}

function pushText(out: Inline[], value: string, bold: boolean): void {
  if (value.length === 0) return;
  out.push(bold ? { type: 'text', text: value, bold: true } : { type: 'text', text: value });
}

function endsAlnum(out: readonly Inline[]): boolean {
  const last = out[out.length - 1];
  return last !== undefined && last.type === 'text' && /[\p{L}\p{N}]$/u.test(last.text);
}

function startsAlnum(token: Token | undefined): boolean {
  return token !== undefined && /^[\p{L}\p{N}]/u.test(token.raw);
}

/** Adjacent text runs with the same weight become one. */
export function mergeText(runs: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (run.type === 'text' && last?.type === 'text' && (last.bold ?? false) === (run.bold ?? false)) {
      out[out.length - 1] = { ...last, text: last.text + run.text };
    } else {
      out.push(run);
    }
  }
  return out;
}
