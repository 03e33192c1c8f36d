import type { Block } from '../model/document';
import type { ActionItem } from '../model/items';
import type { Draft, LineContext } from './clauses';
import { datesIn } from './deadlines';
import type { LabelKind } from './labels';
import type { Line } from './line';
import { membersOf, ownerCandidates, ownersOf, peopleGroups, uniquePeople } from './people';
import { readOwnerCell } from './tables';

/** An item (or a topic that may become one) that 负责人：/完成时限： lines below it attach to. */
export interface Candidate {
  blockIndex: number;
  block: Block;
  draft: Draft;
  item: ActionItem | null;
}

/** Apply a "负责人：产品部 钟磊" / "完成时限：6月6日" / "配合：…" line to the item above it. */
export function attachField(target: Candidate, kind: LabelKind, rest: Line, ctx: LineContext): void {
  const draft = target.draft;
  draft.text = `${draft.text}\n${rest.text}`;
  if (kind === 'owner-field') {
    const groups = peopleGroups(rest, ctx.roster);
    const owners = ownersOf(membersOf(ownerCandidates(groups)));
    const fallback = owners.state === 'none' ? readOwnerCell(rest, ctx.roster) : owners;
    draft.owners = fallback.owners;
    draft.ownerState = fallback.state;
    draft.collaborators = uniquePeople([...draft.collaborators, ...groups.filter((g) => g.role === 'collaborator').flatMap((g) => ownersOf(g.members).owners)]);
    draft.evidence.owner = true;
  } else if (kind === 'due-field') {
    draft.dates = datesIn(rest, ctx.dates).map((m) => ({ ...m, deadline: true }));
  } else if (kind === 'collaborator-field') {
    draft.collaborators = uniquePeople([...draft.collaborators, ...readOwnerCell(rest, ctx.roster).owners]);
  }
  draft.kind = 'todo';
}
