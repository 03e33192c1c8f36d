import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/dates/normalize';
import { RULES } from '../../../src/core/dates/scan';
import { createScan } from '../../../src/core/dates/token';
import { mayHoldDate } from '../../../src/core/dates/trigger';

/** The fast path must never hide a phrase that a rule would find. */
function rulesFind(text: string): boolean {
  const scan = createScan(normalizeText(text), { meetingDate: '2025-06-09' });
  for (const rule of RULES) rule(scan);
  return scan.tokens.some((t) => !t.weak);
}

const PIECES = [
  '1', '2', '3', '6', '9', '0', '12', '20', '2025', '114', '.', '/', '-', ':', ' ', '，', '（', '）', '月', '日', '号', '號',
  '周', '週', '星期', '礼拜', '五', '一', '二', '十', '两', '下', '本', '这', '上', '前', '后', '後', '内', '內', '天',
  '个', '個', '工作', '年', '底', '初', '中', '旬', '季度', 'Q', '点', '時', '时', '半', '今', '明', '晚', '早', '尽快',
  '待定', '持续', '会后', '上线', '上線', '开业', '国庆', '节', '当天', '小时', '下班', '每', 'by', 'before', 'next',
  'Friday', 'fri', 'June', 'Jun', 'end of', 'week', 'month', 'EOD', 'TBD', 'launch', 'the', '15th', 'days', 'pm',
  '６', '２０', '／', 'business', 'in', 'two', 'tomorrow', '万元', '%', 'v', '版本', '第',
];

describe('mayHoldDate (the cheap first test)', () => {
  it('is a superset of every rule on random date-like text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        if (rulesFind(text)) expect(mayHoldDate(text), text).toBe(true);
      }),
      { numRuns: 3000, seed: 20250609 },
    );
  });

  it('rejects ordinary lines, including ones with numbers that are not dates', () => {
    for (const line of ['预算约 45 万元', '首批 8000 台已生产', '全国 412 家门店', '完成率 80%', '| 整理质检记录 | 孙浩 | — | 已完成 |']) {
      expect(mayHoldDate(line), line).toBe(false);
    }
  });
});
