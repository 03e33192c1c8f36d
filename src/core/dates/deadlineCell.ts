import type { ItemWarning } from '../model/items';
import { scanDates } from './scan';
import type { DateContext, DateMention } from './types';

/**
 * A whole deadline cell (完成时限 / 截止日期 / Due): "本周五", "6/20", "6.20", "Q3", "待定", "—" → one mention
 * or null. Bare forms that need a marker in free text (6.20, Q3) are accepted when they are the whole
 * cell. A dated result is a deadline (the column says so). Of several dates, a moved deadline
 * ("原定 2/14，延期至 2/21") gives the last; otherwise the first, flagged conflicting_dates.
 */

const EMPTY_CELL = /^(?:[—–\-_/\\.。·…~～*]+|无|空|暂无|没有|不适用|n\/?a|none|nil|null)$/i;
const MOVED = /原(?:定|计划|为)|(?:延期|推迟)[至到]|改[为到至]|调整[为至]|moved\s+to|postponed\s+to|pushed\s+to|→|->/i;

export function parseDeadlineCell(text: string, ctx: DateContext): DateMention | null {
  const trimmed = text.trim();
  if (trimmed === '' || EMPTY_CELL.test(trimmed)) return null;
  const mentions = scanDates(text, ctx);
  if (mentions.length === 0) return null;
  const dated = mentions.filter((m) => m.date !== null);
  let chosen: DateMention | undefined;
  const warnings: ItemWarning[] = [];
  if (dated.length > 0) {
    if (dated.length > 1 && MOVED.test(trimmed)) chosen = dated[dated.length - 1];
    else {
      chosen = dated[0];
      if (dated.some((m) => m.date !== chosen?.date)) warnings.push('conflicting_dates');
    }
  } else {
    chosen = mentions.find((m) => m.vague) ?? mentions.find((m) => m.event !== undefined) ?? mentions[0];
  }
  if (chosen === undefined) return null;
  const deadline = chosen.deadline || chosen.date !== null;
  return { ...chosen, deadline, warnings: [...new Set([...chosen.warnings, ...warnings])] };
}
