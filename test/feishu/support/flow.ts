/** Steps of the service tests: sessions, API calls, and reading/editing the record table as a user. */
import type { DirectoryUser, FeishuEmulator } from '../emulator';
import type { JsonObject } from '../emulator/json';
import type { IdentityServer } from './identity';
import type { StartedService } from './service';

export async function openSession(svc: StartedService, idp: IdentityServer, documentId: string, user: DirectoryUser): Promise<string> {
  const token = idp.issue({ openId: user.open_id, name: user.name });
  idp.grantEdit(user.open_id, documentId);
  const res = await fetch(`${svc.apiUrl}/api/session`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ documentId }) });
  const body = (await res.json()) as { session?: string; error?: unknown };
  if (!res.ok || !body.session) throw new Error(`session failed: ${res.status} ${JSON.stringify(body)}`);
  return body.session;
}

export async function call(svc: StartedService, session: string | null, operation: string, body: unknown = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${svc.apiUrl}/api/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

export async function api(svc: StartedService, session: string, operation: string, body: unknown = {}): Promise<unknown> {
  const out = await call(svc, session, operation, body);
  if (out.status !== 200) throw new Error(`${operation} failed: ${out.status} ${JSON.stringify(out.body)}`);
  return out.body;
}

export interface TableRef {
  tableId: string;
  header: string[];
}

/** The template's 待办事项 table (header 事项 …). */
export function todoTable(emu: FeishuEmulator, documentId: string): TableRef {
  for (const table of emu.docs.tables(documentId)) {
    const rows = emu.docs.tableCells(documentId, table.block_id);
    const header = rows[0]!.map((cell) => emu.docs.text(documentId, cell.block_id).trim());
    if (header[0] === '事项' || header[0] === 'Action item') return { tableId: table.block_id, header };
  }
  throw new Error('no to-do table');
}

export function rowAnchors(emu: FeishuEmulator, documentId: string, tableId: string): string[] {
  return emu.docs.tableCells(documentId, tableId).map((row) => row[0]!.block_id);
}

export function cellText(emu: FeishuEmulator, documentId: string, tableId: string, row: number, column: number): string {
  return emu.docs.text(documentId, emu.docs.tableCells(documentId, tableId)[row]![column]!.block_id).trim();
}

/** Edits cells of one row as a user, in one revision (one edit event). */
export function fillRow(emu: FeishuEmulator, documentId: string, table: TableRef, row: number, cells: JsonObject[][], operatorOpenId: string): number {
  const cellBlocks = emu.docs.tableCells(documentId, table.tableId)[row]!;
  const edits = cells.map((elements, c) => ({ block_id: cellBlocks[c]!.children[0]!, update_text_elements: { elements } }));
  return emu.docs.editAsUser(documentId, edits, { operatorOpenId });
}
