import type { ActionItem, Extraction } from '../model/items';

/** The CLI JSON contract of ../shared/EXTRACTION.md (snake_case, owners as display names). */
export interface ContractItem {
  kind: ActionItem['kind'];
  title: string;
  owners: string[];
  owner_ids?: (string | null)[];
  collaborators: string[];
  due: string | null;
  due_time: string | null;
  status: ActionItem['status'];
  warnings: string[];
  source: { via: string; text: string; anchor: string | null };
}

export interface ContractExtraction {
  meeting: {
    topic: string | null;
    date: string | null;
    location: string | null;
    participants: string[];
    host: string | null;
    recorder: string | null;
    goal: string | null;
  };
  items: ContractItem[];
  warnings: string[];
}

export function toContract(extraction: Extraction): ContractExtraction {
  return {
    meeting: { ...extraction.meeting },
    items: extraction.items.map(toContractItem),
    warnings: extraction.warnings.map((w) => w.code),
  };
}

function toContractItem(item: ActionItem): ContractItem {
  const ids = item.owners.map((o) => o.email ?? o.id ?? null);
  const out: ContractItem = {
    kind: item.kind,
    title: item.title,
    owners: item.owners.map((o) => o.name),
    collaborators: item.collaborators.map((c) => c.name),
    due: item.due,
    due_time: item.dueTime,
    status: item.status,
    warnings: [...item.warnings],
    source: { via: item.source.via, text: item.source.text, anchor: item.source.rowAnchor ?? item.source.blockAnchor ?? null },
  };
  if (ids.some((id) => id !== null)) out.owner_ids = ids;
  return out;
}
