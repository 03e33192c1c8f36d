import type { Block, Inline, MinutesDocument, TableBlock, TableCell } from '../model/document';
import { text } from '../model/text';
import { BASIC_FIELDS, BASIC_INFO_COLUMNS } from './fields';
import type { BasicFieldId } from './fields';
import { hint } from './hints';
import { LEADING_SECTIONS, RECORD_TITLE, TRAILING_PARTS, scenarioSpec } from './scenarios';
import type { PartSpec, ScenarioId, TemplateFill, TemplateLang } from './types';

/** The 跨部门沟通记录表 for a scenario, as a document every adapter can render. */
export function renderTemplate(scenario: ScenarioId, lang: TemplateLang, fill: TemplateFill = {}): MinutesDocument {
  const spec = scenarioSpec(scenario);
  const title = scenario === 'general' ? RECORD_TITLE[lang] : `${RECORD_TITLE[lang]} · ${spec.label[lang]}`;
  const parts: readonly PartSpec[] = [...LEADING_SECTIONS, ...spec.parts, ...TRAILING_PARTS];
  const blocks: Block[] = [
    { type: 'heading', level: 1, content: [text(title)] },
    basicInfoTable(lang, fill),
    ...parts.flatMap((part) => renderPart(part, lang)),
  ];
  return { title, blocks };
}

function basicInfoTable(lang: TemplateLang, fill: TemplateFill): TableBlock {
  return tableOf([
    BASIC_INFO_COLUMNS[lang].map((header) => [text(header)]),
    ...BASIC_FIELDS.map((field) => [[text(field.label[lang])], fieldValue(field.id, fill) ?? [text(hint(field.hint[lang], lang))]]),
  ]);
}

function fieldValue(id: BasicFieldId, fill: TemplateFill): Inline[] | null {
  if (id === 'topic' && fill.topic?.trim()) return [text(fill.topic.trim())];
  if (id === 'date' && fill.date?.trim()) return [dateInline(fill.date.trim())];
  return null;
}

/** An ISO date (with an optional HH:MM) becomes a date chip; other dates stay as written. */
function dateInline(value: string): Inline {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/u.exec(value);
  if (!m) return text(value);
  return m[2] ? { type: 'date', date: m[1]!, time: m[2] } : { type: 'date', date: m[1]! };
}

function renderPart(part: PartSpec, lang: TemplateLang): Block[] {
  const heading: Block = { type: 'heading', level: 2, content: [text(part.title[lang])] };
  if (part.kind === 'section') {
    return [heading, { type: 'listItem', level: 0, ordered: false, content: [text(hint(part.hint[lang], lang))] }];
  }
  const columns = part.columns[lang];
  const empty = Array.from({ length: part.rows }, () => columns.map((): Inline[] => []));
  return [heading, tableOf([columns.map((c) => [text(c)]), ...empty])];
}

/** A table from the content of each cell, row by row; a cell without content has no blocks. */
function tableOf(rows: readonly (readonly Inline[][])[]): TableBlock {
  return { type: 'table', rows: rows.map((cells) => ({ cells: cells.map(cellOf) })) };
}

function cellOf(content: Inline[]): TableCell {
  return content.length === 0 ? { blocks: [] } : { blocks: [{ type: 'paragraph', content }] };
}
