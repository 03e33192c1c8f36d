import { parseArgs } from 'node:util';
import { CliError } from './errors';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** node:util parseArgs, strict, with its long error messages turned into one short line. */
export function parseCommandArgs(command: string, args: readonly string[], options: Record<string, OptionSpec>): ParsedArgs {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: { ...parsed.values }, positionals: parsed.positionals };
  } catch (error) {
    throw new CliError(describeParseError(command, error));
  }
}

function describeParseError(command: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  // parseArgs quotes the option as '--date', '--date <value>' or '-h, --help': keep the long name.
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(' ')[0];
  const hint = `(see minutes ${command} --help)`;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option} for ${command} ${hint}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      if (/does not take an argument/.test(message)) return `option ${option} takes no value ${hint}`;
      return `option ${option} needs a value ${hint}`;
    }
    default:
      return `${message.split('\n')[0]} ${hint}`;
  }
}

/** A string option's value, or undefined. */
export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}
