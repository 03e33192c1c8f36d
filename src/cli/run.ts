import pkg from '../../package.json';
import { CliError, firstLine } from './errors';
import { extractCommand } from './extract';
import { TOP_HELP } from './help';
import type { CliIO } from './io';
import { serveCommand } from './serve';
import { templateCommand } from './template';

export const VERSION: string = pkg.version;

type Command = (args: readonly string[], io: CliIO) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  extract: extractCommand,
  template: templateCommand,
  serve: serveCommand,
};

/** Run the CLI; returns the exit code. Never throws: every failure is one line on stderr. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) io.stderr(`minutes: ${error.message}\n`);
    else io.stderr(`minutes: unexpected error: ${firstLine(error)}\n`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new CliError('missing command (see minutes --help)');
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(TOP_HELP);
    return 0;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    io.stdout(`minutes ${VERSION}\n`);
    return 0;
  }
  if (first.startsWith('-')) throw new CliError(`unknown option ${first} (see minutes --help)`);
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) throw new CliError(`unknown command '${first}' (see minutes --help)`);
  return command(rest, io);
}
