import type { MinutesDocument } from '../model/document';
import { documentToMarkdown } from './markdown';
import { SCENARIOS } from './scenarios';
import type { ScenarioInfo, TemplateLang } from './types';

export type { Localized, ScenarioId, ScenarioInfo, TemplateFill, TemplateLang } from './types';
export type { BasicFieldId, BasicFieldSpec, MeetingFieldLabel } from './fields';
export type { ColumnRole } from './columns';
export type { TemplateStatus } from './status';
export { BASIC_FIELDS, BASIC_INFO_COLUMNS, MEETING_FIELD_LABELS, meetingFieldOfLabel, normalizeLabel } from './fields';
export { COLUMN_ALIASES, TEMPLATE_COLUMNS, classifyColumns, columnRole } from './columns';
export { STATUS_LABELS, parseStatus, statusLabel } from './status';
export { hint, isTemplateHint } from './hints';
export { EMPTY_ROWS, RECORD_TITLE, SCENARIO_IDS, isScenarioId } from './scenarios';
export { renderTemplate } from './render';
export { documentToMarkdown } from './markdown';

/** The scenarios a user can pick, in menu order, labelled in the given language. */
export function listScenarios(lang: TemplateLang): ScenarioInfo[] {
  return SCENARIOS.map((s) => ({ id: s.id, label: s.label[lang], description: s.description[lang] }));
}

/** The template as GitHub-flavoured Markdown (`minutes template --format md`). */
export function templateToMarkdown(doc: MinutesDocument): string {
  return documentToMarkdown(doc);
}
