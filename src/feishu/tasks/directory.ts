/**
 * Who is who in the tenant, as far as the app's contact scope reaches: names of mentioned open_ids,
 * email → open_id, and a name → open_id directory built from find_by_department (refreshed daily).
 */
import type { Sleep } from '../../core/sync/retry';
import { call, type FeishuClient } from '../client';
import { withBackoff } from '../retry';

export interface DirectoryOptions {
  client: FeishuClient;
  sleep: Sleep;
  now: () => number;
  /** open_department_ids to list (default ['0'], the root department). */
  departments?: readonly string[];
  refreshMs?: number;
}

interface DirectoryUser {
  open_id: string;
  name: string;
  en_name?: string;
  email?: string;
}

export type NameMatch = { kind: 'one'; openId: string } | { kind: 'none' } | { kind: 'ambiguous'; count: number };

export class FeishuDirectory {
  private users: DirectoryUser[] | null = null;
  private loadedAt = 0;
  private loading: Promise<DirectoryUser[]> | null = null;
  private readonly names = new Map<string, string>();
  private readonly emails = new Map<string, string | null>();

  constructor(private readonly options: DirectoryOptions) {}

  /** Display names for open_ids (basic_batch; ids it cannot name keep no entry). */
  async namesOf(openIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const missing = openIds.filter((id) => !this.names.has(id));
    for (let i = 0; i < missing.length; i += 10) {
      const chunk = missing.slice(i, i + 10);
      try {
        const data = await this.retry(() =>
          call<{ users?: { user_id?: string; name?: string }[] }>('contact.user.basicBatch', () =>
            this.options.client.contact.v3.user.basicBatch({ data: { user_ids: chunk }, params: { user_id_type: 'open_id' } }),
          ),
        );
        for (const u of data.users ?? []) if (u.user_id && u.name) this.names.set(u.user_id, u.name);
      } catch {
        // Names are cosmetic here: the open_id still identifies the owner.
      }
    }
    return new Map(openIds.filter((id) => this.names.has(id)).map((id) => [id, this.names.get(id)!]));
  }

  /** open_ids for emails (users outside the contact scope come back without one → null). */
  async byEmails(emails: readonly string[]): Promise<Map<string, string | null>> {
    const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
    const missing = wanted.filter((e) => !this.emails.has(e));
    for (let i = 0; i < missing.length; i += 50) {
      const chunk = missing.slice(i, i + 50);
      const data = await this.retry(() =>
        call<{ user_list?: { user_id?: string; email?: string }[] }>('contact.user.batchGetId', () =>
          this.options.client.contact.v3.user.batchGetId({ params: { user_id_type: 'open_id' }, data: { emails: chunk, include_resigned: false } }),
        ),
      );
      for (const e of chunk) this.emails.set(e, null);
      for (const u of data.user_list ?? []) if (u.email && u.user_id) this.emails.set(u.email.toLowerCase(), u.user_id);
    }
    return new Map(wanted.map((e) => [e, this.emails.get(e) ?? null]));
  }

  /** The user a name (as written in the minutes) means: exact name, English name or nickname. */
  async byName(name: string): Promise<NameMatch> {
    const key = normalizeName(name);
    if (!key) return { kind: 'none' };
    const users = await this.all();
    const hits = users.filter((u) => normalizeName(u.name) === key || (u.en_name && normalizeName(u.en_name) === key));
    const unique = [...new Set(hits.map((u) => u.open_id))];
    if (unique.length === 1) return { kind: 'one', openId: unique[0]! };
    return unique.length === 0 ? { kind: 'none' } : { kind: 'ambiguous', count: unique.length };
  }

  private async all(): Promise<DirectoryUser[]> {
    const fresh = this.users && this.options.now() - this.loadedAt < (this.options.refreshMs ?? 24 * 3600_000);
    if (fresh) return this.users!;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<DirectoryUser[]> {
    const out: DirectoryUser[] = [];
    for (const department of this.options.departments ?? ['0']) {
      let pageToken: string | undefined;
      do {
        const token = pageToken;
        const data = await this.retry(() =>
          call<{ items?: DirectoryUser[]; has_more?: boolean; page_token?: string }>('contact.user.findByDepartment', () =>
            this.options.client.contact.v3.user.findByDepartment({
              params: { department_id: department, department_id_type: 'open_department_id', user_id_type: 'open_id', page_size: 50, ...(token ? { page_token: token } : {}) },
            }),
          ),
        );
        for (const u of data.items ?? []) {
          out.push(u);
          if (u.name) this.names.set(u.open_id, u.name);
          if (u.email) this.emails.set(u.email.toLowerCase(), u.open_id);
        }
        pageToken = data.has_more ? data.page_token : undefined;
      } while (pageToken);
    }
    this.users = out;
    this.loadedAt = this.options.now();
    return out;
  }

  private retry<T>(run: () => Promise<T>): Promise<T> {
    return withBackoff(run, { sleep: this.options.sleep });
  }
}

function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/^@/, '').replace(/\s+/g, '').toLowerCase();
}
