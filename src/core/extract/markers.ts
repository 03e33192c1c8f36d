import { bothScripts } from '../text/traditional';

/** 定为/确定为/confirmed + a date: something was settled (asked of a clause with a date and no owner). */
export const DECISION_MARKER = bothScripts(
  /(?:不变|不再调整|不再延期|定[为在于档]|推迟到|延期到|(?<!to be |be |not |been |yet )confirmed|stays on|\bis set for\b|\bwill be held on\b)/i,
);

/**
 * "the group agreed that…", 一致同意, 会议决定: an agreement. In prose, what follows the match is the decision,
 * so the match ends where the decision starts.
 */
export const AGREEMENT = bothScripts(/(?:\bagreed(?: that)?(?:\s*[:：]\s*|\s+(?!to\b))|(?<![未没])(?:一致同意|达成一致)|(?:会议|最终|最后|讨论后|大家|一致|会上)决定)/i);

/** A line that records an agreement: AGREEMENT, or 形成以下意见 heading a list of them. */
export const AGREED = new RegExp(`${AGREEMENT.source}|${bothScripts(/形成以下意见/).source}`, 'i');
