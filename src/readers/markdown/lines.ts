/**
 * One line of pasted minutes, classified: heading, list item (bullet, number, checkbox) or paragraph.
 * Shared by the Markdown reader (raw lines) and the HTML reader (the plain text of a paragraph).
 */
export type LineClass =
  | { kind: 'blank' }
  | { kind: 'rule' }
  | { kind: 'heading'; level: number; marker?: string; contentStart: number; contentEnd: number }
  | {
      kind: 'listItem';
      indent: number;
      ordered: boolean;
      checked?: boolean;
      marker: string;
      contentStart: number;
      contentEnd: number;
    }
  | { kind: 'paragraph'; indent: number; contentStart: number; contentEnd: number };

export interface ClassifyOptions {
  /** Markdown syntax (#, >, ---) counts; off for text that comes from HTML or .docx. */
  markdown: boolean;
}

const CN_NUM = '一二三四五六七八九十';
/** 一、讨论要点 — a level-2 section, unless it reads as a sentence. */
const CN_SECTION = new RegExp(`^([${CN_NUM}]{1,3})[、.．]\\s*`, 'u');
/** （一）背景 — a level-3 section. */
const CN_SUBSECTION = new RegExp(`^[（(]([${CN_NUM}]{1,3})[)）]\\s*`, 'u');
/** 【会议结论】 alone on its line. */
const BRACKET_HEADING = /^【([^】]{1,40})】$/u;

const ATX_HEADING = /^(#{1,6})(?:[ \t]+|$)/u;
/** Thematic breaks, and the ===== lines people draw under titles. */
const RULE = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|={3,})$/u;

const CHECKBOX_BRACKETS = /^\[([ xX✓✔])\](?:[ \t]+|$)/u;
const CHECKBOX_GLYPH = /^(☑️|☐|☑|☒|⬜|🔲|□)[ \t\u3000]*/u;
const CHECKED_GLYPHS = new Set(['☑', '☒', '☑️']);

const ASCII_BULLET = /^([-*+])(?:[ \t]+|$)/u;
// ✅ and ✔ lead confirmed points as often as finished ones: a bullet here (the marker is kept; see parseStatus).
const GLYPH_BULLET = /^(✔️|✅|✔|✓|[·•●▪◦○■◆◇▸►➢➤‣⁃▫])[ \t\u3000]*/u;
const ORDERED_MARKERS: readonly RegExp[] = [
  /^(\d{1,3}[.．])(?:[ \t\u3000]+|(?=[^\d\s.．]))/u, // 1. / 1.需求 (but not 6.2 or 2025.4)
  /^(\d{1,3}、)[ \t\u3000]*/u, // 1、
  /^([（(]\d{1,3}[)）])[ \t\u3000]*/u, // （1） (1)
  /^(\d{1,3}[)）])[ \t\u3000]*/u, // 1) 1）
  /^([①-⑳❶-❿⑴-⒇➀-➉])[ \t\u3000]*/u, // ① ❶ ⑴
  new RegExp(`^([${CN_NUM}]{1,3}、|[（(][${CN_NUM}]{1,3}[)）])[ \\t\\u3000]*`, 'u'), // 一、 （一） that read as sentences
];
/** Sentence punctuation: a 一、… line that ends with it is a numbered sentence, not a section. */
const SENTENCE_END = /[。；;！!？?，,]$/u;
const MAX_SECTION_LENGTH = 30;

/** Width of leading spaces, tabs (to the next multiple of 4) and full-width spaces (2 columns). */
export function indentWidth(line: string): { width: number; length: number } {
  let width = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4 - (width % 4);
    else if (ch === '\u3000') width += 2;
    else break;
  }
  return { width, length: i };
}

export function classifyLine(line: string, options: ClassifyOptions): LineClass {
  const { width: indent, length: indentLength } = indentWidth(line);
  let end = line.length;
  while (end > indentLength && /[ \t\u00A0]/u.test(line[end - 1]!)) end--;
  if (end <= indentLength) return { kind: 'blank' };

  let start = indentLength;
  if (options.markdown) {
    // Block quotes: read what is quoted.
    while (line[start] === '>') {
      start++;
      while (start < end && (line[start] === ' ' || line[start] === '\t')) start++;
    }
    if (start >= end) return { kind: 'blank' };
    const rest = line.slice(start, end);
    if (RULE.test(rest)) return { kind: 'rule' };
    const atx = ATX_HEADING.exec(rest);
    if (atx) return atxHeading(line, start, end, atx);
  }
  const rest = line.slice(start, end);

  const bracket = BRACKET_HEADING.exec(rest);
  if (bracket) return withSectionNumber(line, { kind: 'heading', level: 2, contentStart: start + 1, contentEnd: end - 1 });

  const section = sectionHeading(line, start, end);
  if (section) return section;

  const item = listItem(line, start, end, indent, options);
  if (item) return item;

  // A paragraph keeps its leading full-width spaces: they are text, not indentation.
  let contentStart = start;
  while (contentStart > 0 && line[contentStart - 1] === '\u3000') contentStart--;
  return { kind: 'paragraph', indent, contentStart, contentEnd: end };
}

function atxHeading(line: string, start: number, end: number, atx: RegExpExecArray): LineClass {
  let contentStart = start + atx[0].length;
  let contentEnd = end;
  // Closing hashes: "## 决议 ##".
  const closing = /[ \t]+#+$/u.exec(line.slice(contentStart, contentEnd));
  if (closing) contentEnd -= closing[0].length;
  else if (/^#+$/u.test(line.slice(contentStart, contentEnd))) contentEnd = contentStart;
  while (contentStart < contentEnd && /\s/u.test(line[contentStart]!)) contentStart++;
  return withSectionNumber(line, { kind: 'heading', level: atx[1]!.length, contentStart, contentEnd });
}

/** 一、讨论要点 / （一）背景 as a heading, when it is short and not a sentence. */
function sectionHeading(line: string, start: number, end: number): LineClass | null {
  const rest = line.slice(start, end);
  for (const [pattern, level] of [
    [CN_SECTION, 2],
    [CN_SUBSECTION, 3],
  ] as const) {
    const m = pattern.exec(rest);
    if (!m) continue;
    const content = rest.slice(m[0].length);
    if (content.length === 0 || content.length > MAX_SECTION_LENGTH || SENTENCE_END.test(content)) return null;
    return withSectionNumber(line, { kind: 'heading', level, marker: m[0].trim(), contentStart: start + m[0].length, contentEnd: end });
  }
  return null;
}

/**
 * Moves a leading 一、/（一）/1. numbering of a heading's text into its marker, and drops a trailing colon
 * ("四、后续行动：" reads as the section 后续行动).
 */
function withSectionNumber(line: string, heading: Extract<LineClass, { kind: 'heading' }>): LineClass {
  let { contentStart, contentEnd } = heading;
  let marker = heading.marker;
  if (marker === undefined) {
    const text = line.slice(contentStart, contentEnd);
    const m = CN_SECTION.exec(text) ?? CN_SUBSECTION.exec(text) ?? /^\d{1,2}[.、．](?!\d)[ \t\u3000]*/u.exec(text);
    if (m && m[0].length < text.length) {
      marker = m[0].trim();
      contentStart += m[0].length;
    }
  }
  while (contentEnd - contentStart > 1 && /[:：\s]/u.test(line[contentEnd - 1]!)) contentEnd--;
  return { kind: 'heading', level: heading.level, ...(marker ? { marker } : {}), contentStart, contentEnd };
}

function listItem(line: string, start: number, end: number, indent: number, options: ClassifyOptions): LineClass | null {
  const rest = line.slice(start, end);
  let marker: string | null = null;
  let ordered = false;
  let consumed = 0;

  const bracketBox = CHECKBOX_BRACKETS.exec(rest);
  const glyphBox = bracketBox ? null : CHECKBOX_GLYPH.exec(rest);
  if (bracketBox || glyphBox) {
    // A bare checkbox is an unordered item.
    const box = (bracketBox ?? glyphBox)!;
    return {
      kind: 'listItem',
      indent,
      ordered: false,
      checked: bracketBox ? bracketBox[1] !== ' ' : CHECKED_GLYPHS.has(box[1]!),
      marker: box[0].trim(),
      contentStart: start + box[0].length,
      contentEnd: end,
    };
  }

  const bullet = (options.markdown || !rest.startsWith('*') ? ASCII_BULLET.exec(rest) : null) ?? GLYPH_BULLET.exec(rest);
  if (bullet) {
    marker = bullet[1]!;
    consumed = bullet[0].length;
  } else {
    for (const pattern of ORDERED_MARKERS) {
      const m = pattern.exec(rest);
      if (m) {
        marker = m[1]!;
        consumed = m[0].length;
        ordered = true;
        break;
      }
    }
  }
  if (marker === null) return null;

  // A checkbox after the marker: "- [ ] 事项", "1. [x] 事项", "• ☐ 事项".
  const after = rest.slice(consumed);
  const box = CHECKBOX_BRACKETS.exec(after) ?? CHECKBOX_GLYPH.exec(after);
  if (box) {
    const checked = box[1] === ' ' ? false : /^[xX✓✔]$/u.test(box[1]!) || CHECKED_GLYPHS.has(box[1]!);
    return {
      kind: 'listItem',
      indent,
      ordered,
      checked,
      marker: `${marker} ${box[0].trim()}`,
      contentStart: start + consumed + box[0].length,
      contentEnd: end,
    };
  }
  // "- " with nothing after it is still an (empty) item; "-" glued to text ("-5%") never gets here.
  return { kind: 'listItem', indent, ordered, marker, contentStart: start + consumed, contentEnd: end };
}
