import { listScenarios, renderTemplate, templateToMarkdown } from '../core/template/index';
import type { ScenarioId, TemplateLang } from '../core/template/types';
import { parseCommandArgs, stringOption } from './args';
import { CliError } from './errors';
import { templateHelp } from './help';
import type { CliIO } from './io';

const LANGS: readonly TemplateLang[] = ['zh', 'en'];
const FORMATS = ['md'] as const;
const DEFAULT_SCENARIO: ScenarioId = 'general';

/** minutes template [--scenario NAME] [--lang zh|en] [--format md] */
export async function templateCommand(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('template', args, {
    scenario: { type: 'string', short: 's' },
    lang: { type: 'string', short: 'l' },
    format: { type: 'string', short: 'f' },
    help: { type: 'boolean', short: 'h' },
  });
  const lang = langOption(stringOption(parsed, 'lang'));
  const scenarios = listScenarios(lang);
  if (parsed.values['help']) {
    io.stdout(templateHelp(scenarios.map((s) => ({ id: s.id, title: s.label }))));
    return 0;
  }
  if (parsed.positionals.length > 0) throw new CliError(`template takes no file, got '${parsed.positionals[0]}' (see minutes template --help)`);
  const format = (stringOption(parsed, 'format') ?? 'md').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`unknown format '${format}' for template (use ${FORMATS.join(', ')})`);

  const wanted = (stringOption(parsed, 'scenario') ?? DEFAULT_SCENARIO).toLowerCase();
  const scenario = scenarios.find((s) => s.id === wanted);
  if (!scenario) {
    throw new CliError(`unknown scenario '${wanted}' (use ${scenarios.map((s) => s.id).join(', ')})`);
  }
  io.stdout(ensureNewline(templateToMarkdown(renderTemplate(scenario.id, lang))));
  return 0;
}

function langOption(value: string | undefined): TemplateLang {
  if (value === undefined) return 'zh';
  const lang = LANGS.find((l) => l === value.toLowerCase());
  if (!lang) throw new CliError(`unknown language '${value}' (use ${LANGS.join(' or ')})`);
  return lang;
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}
