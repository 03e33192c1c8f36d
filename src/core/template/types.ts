/** Languages the meeting-record template is written in. */
export type TemplateLang = 'zh' | 'en';

/** A text in every template language. */
export type Localized = Readonly<Record<TemplateLang, string>>;

/**
 * The meeting scenarios of the cross-department guide, plus `general` (the plain record, no extra parts).
 */
export type ScenarioId = 'general' | 'kickoff' | 'requirements' | 'problem' | 'progress' | 'retro';

export interface ScenarioInfo {
  id: ScenarioId;
  label: string;
  description: string;
}

/** Values written into the basic-info table instead of the hints. */
export interface TemplateFill {
  topic?: string;
  /** YYYY-MM-DD (optionally followed by HH:MM) becomes a date chip; anything else is kept as text. */
  date?: string;
}

/** A section: a heading and one hint bullet under it. */
export interface SectionSpec {
  kind: 'section';
  title: Localized;
  hint: Localized;
}

/** A titled table: a header row and empty rows to fill in. */
export interface TableSpec {
  kind: 'table';
  title: Localized;
  columns: Readonly<Record<TemplateLang, readonly string[]>>;
  rows: number;
}

export type PartSpec = SectionSpec | TableSpec;

export interface ScenarioSpec {
  id: ScenarioId;
  label: Localized;
  description: Localized;
  /** Parts placed after 讨论要点 and before 争议点. */
  parts: readonly PartSpec[];
}
