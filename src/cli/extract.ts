import { extractMinutes } from '../core/extract/index';
import { toContract } from '../core/extract/contract';
import { formatItemsCsv } from '../core/export/csv';
import { formatItemsIcs } from '../core/export/ics';
import { formatItemsTable } from '../core/export/table';
import type { Extraction } from '../core/model/items';
import { parseCommandArgs, stringOption } from './args';
import { meetingDateOption, today } from './dates';
import { CliError, firstLine } from './errors';
import { EXTRACT_HELP } from './help';
import { readInput } from './input';
import type { CliIO } from './io';

export const EXTRACT_FORMATS = ['table', 'json', 'csv', 'ics'] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

/** minutes extract <file|-> [--date YYYY-MM-DD] [--format table|json|csv|ics] */
export async function extractCommand(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('extract', args, {
    date: { type: 'string' },
    format: { type: 'string', short: 'f' },
    help: { type: 'boolean', short: 'h' },
  });
  if (parsed.values['help']) {
    io.stdout(EXTRACT_HELP);
    return 0;
  }
  const format = formatOption(stringOption(parsed, 'format'));
  const meetingDate = meetingDateOption(stringOption(parsed, 'date'));
  const todayDate = today(io.env, io.now());
  if (parsed.positionals.length === 0) throw new CliError('extract needs a file, or - to read stdin (see minutes extract --help)');
  if (parsed.positionals.length > 1) throw new CliError(`extract takes one file, got ${parsed.positionals.length}`);

  const doc = await readInput(parsed.positionals[0]!, io);
  let extraction: Extraction;
  try {
    extraction = extractMinutes(doc, meetingDate !== undefined ? { meetingDate, today: todayDate } : { today: todayDate });
  } catch (error) {
    throw new CliError(`extraction failed: ${firstLine(error)}`);
  }
  io.stdout(render(extraction, format, io.now()));
  return 0;
}

function formatOption(value: string | undefined): ExtractFormat {
  if (value === undefined) return 'table';
  const format = EXTRACT_FORMATS.find((f) => f === value.toLowerCase());
  if (!format) throw new CliError(`unknown format '${value}' (use ${EXTRACT_FORMATS.join(', ')})`);
  return format;
}

function render(extraction: Extraction, format: ExtractFormat, now: Date): string {
  switch (format) {
    case 'json':
      return JSON.stringify(toContract(extraction), null, 2) + '\n';
    case 'csv':
      return formatItemsCsv(extraction);
    case 'ics':
      return formatItemsIcs(extraction, { now });
    case 'table':
      return formatItemsTable(extraction);
  }
}
