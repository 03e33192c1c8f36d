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
  const [labelHeader, valueHeader] = BASIC_INFO_COLUMNS[lang];
  return {
    type: 'table',
    rows: [
      { cells: [cellOf([text(labelHeader)]), cellOf([text(valueHeader)])] },
      ...BASIC_FIELDS.map((field) => ({
        cells: [cellOf([text(field.label[lang])]), cellOf(fieldValue(field.id, fill) ?? [text(hint(field.hint[lang], lang))])],
      })),
    ],
  };
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
  const header = { cells: columns.map((c) => cellOf([text(c)])) };
  const empty = Array.from({ length: part.rows }, () => ({ cells: columns.map(() => cellOf([])) }));
  return [heading, { type: 'table', rows: [header, ...empty] }];
}

/** A cell with one paragraph, or no blocks when empty. */
function cellOf(content: Inline[]): TableCell {
  return content.length === 0 ? { blocks: [] } : { blocks: [{ type: 'paragraph', content }] };
}
