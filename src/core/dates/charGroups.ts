/**
 * Groups of characters that rule families look for before running their patterns: a family whose every match
 * holds one of a group's characters skips its patterns when the text holds none. One pass over the text
 * (Scan.chars) answers all of them, instead of a regex call per family and line.
 */

/** Latin letters: without one no English pattern can match. */
export const LATIN = 1;
/** 号 / 日 after a day of the month. */
export const DAY_UNIT = 2;
/** What every Chinese relative-day phrase holds (a unit, or a day word's last character). */
export const RELATIVE_DAY = 4;
/** The characters Chinese day words (今天, 明早, 后天, 昨日, 当天) start with. */
export const DAY_WORD = 8;
/** What every month part, year part or quarter holds ("2025 Q3" holds a Q). */
export const PERIOD = 16;
/** What every time range, hour and clock holds. */
export const TIME = 32;
/** 推迟至 / 延后到 / 改为: a plan moved to a month. */
export const MOVED = 64;
/** 待 / 等: waiting for something. */
export const WAIT = 128;

const MEMBERS: readonly [number, string][] = [
  [LATIN, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'],
  [DAY_UNIT, '号日'],
  [RELATIVE_DAY, '天日早晚夜周星礼月时头'],
  [DAY_WORD, '今明后昨前当'],
  [PERIOD, '月旬年季Q'],
  [TIME, ':点时'],
  [MOVED, '至到为'],
  [WAIT, '待等'],
];

/** Character code → the groups it belongs to. */
const GROUPS_OF = new Uint8Array(0x10000);
for (const [group, chars] of MEMBERS) for (let i = 0; i < chars.length; i++) GROUPS_OF[chars.charCodeAt(i)]! |= group;

/** The groups whose characters occur in `text`, as bits. */
export function charGroups(text: string): number {
  let groups = 0;
  for (let i = 0; i < text.length; i++) groups |= GROUPS_OF[text.charCodeAt(i)]!;
  return groups;
}
