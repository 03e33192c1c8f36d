import { analyzeLine, type Draft, type LineContext } from './clauses';
import { plainLine, type Line } from './line';
import { AGREEMENT } from './markers';

/**
 * Decisions buried in prose: "the group agreed that stacking will not be supported", "最后 agreed：切换推迟到…".
 * Only what follows the agreement, up to the end of its sentence, is the decision.
 */
export function proseDecisions(line: Line, ctx: LineContext): Draft[] {
  const out: Draft[] = [];
  for (const sentence of line.text.split(/(?<=[。！？!?])|(?<=[a-z0-9)"”]\.)\s+(?=[A-Z])/)) {
    const m = AGREEMENT.exec(sentence);
    if (!m) continue;
    const decision = sentence.slice(m.index + m[0].length).split(/[;；]/)[0]?.replace(/^[\s:：,，]+/, '').trim() ?? '';
    if (decision.length < 4) continue;
    for (const draft of analyzeLine(plainLine(`Decision: ${decision}`), ctx).drafts) {
      draft.kind = 'decision';
      draft.evidence.agreed = true;
      draft.text = sentence.trim();
      out.push(draft);
    }
  }
  return out;
}
