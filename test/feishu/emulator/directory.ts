/** The tenant's people and departments, and the app's contact scope (通讯录权限范围). */
import { hex, openDepartmentId, openId, unionId, userId } from './ids';

export type UserIdType = 'open_id' | 'union_id' | 'user_id';

export interface UserStatus {
  is_frozen: boolean;
  is_resigned: boolean;
  is_activated: boolean;
  is_exited: boolean;
  is_unjoin: boolean;
}

export interface DirectoryUser {
  open_id: string;
  union_id: string;
  user_id: string;
  name: string;
  en_name: string;
  nickname: string;
  email: string;
  mobile: string;
  department_ids: string[];
  leader_user_id: string;
  job_title: string;
  status: UserStatus;
  /** Inside the app's contact scope: visible to batch_get_id / find_by_department / user get. */
  inScope: boolean;
}

export interface UserInput {
  name: string;
  enName?: string;
  email?: string;
  /** "+8613800000000" or a bare mainland number (stored with +86). */
  mobile?: string;
  /** open_department_ids; default ["0"] (the root department). */
  departmentIds?: string[];
  openId?: string;
  unionId?: string;
  userId?: string;
  leaderUserId?: string;
  jobTitle?: string;
  /** Default true. */
  inScope?: boolean;
  resigned?: boolean;
}

export interface Department {
  open_department_id: string;
  department_id: string;
  name: string;
  parent_department_id: string;
  leader_user_id: string;
}

export interface DepartmentInput {
  name: string;
  parentId?: string;
  departmentId?: string;
  leaderUserId?: string;
}

export function normalizeMobile(mobile: string): string {
  const compact = mobile.replace(/[\s-]/g, '');
  return compact.startsWith('+') ? compact : `+86${compact}`;
}

export class Directory {
  private readonly users: DirectoryUser[] = [];
  readonly departments = new Map<string, Department>([
    ['0', { open_department_id: '0', department_id: '0', name: '', parent_department_id: '', leader_user_id: '' }],
  ]);

  add(input: UserInput): DirectoryUser {
    const departmentIds = input.departmentIds ?? ['0'];
    for (const id of departmentIds) if (!this.departments.has(id)) throw new Error(`unknown department ${id}: add it first`);
    const user: DirectoryUser = {
      open_id: input.openId ?? openId(),
      union_id: input.unionId ?? unionId(),
      user_id: input.userId ?? userId(),
      name: input.name,
      en_name: input.enName ?? '',
      nickname: '',
      email: input.email ?? '',
      mobile: input.mobile ? normalizeMobile(input.mobile) : '',
      department_ids: departmentIds,
      leader_user_id: input.leaderUserId ?? '',
      job_title: input.jobTitle ?? '',
      status: { is_frozen: false, is_resigned: input.resigned ?? false, is_activated: !(input.resigned ?? false), is_exited: false, is_unjoin: false },
      inScope: input.inScope ?? true,
    };
    for (const other of this.users) {
      if (other.open_id === user.open_id || other.user_id === user.user_id || other.union_id === user.union_id) {
        throw new Error(`duplicate user id for ${input.name}`);
      }
    }
    this.users.push(user);
    return user;
  }

  addDepartment(input: DepartmentInput): Department {
    const parent = input.parentId ?? '0';
    if (!this.departments.has(parent)) throw new Error(`unknown parent department ${parent}`);
    const dept: Department = {
      open_department_id: openDepartmentId(),
      department_id: input.departmentId ?? hex(10),
      name: input.name,
      parent_department_id: parent,
      leader_user_id: input.leaderUserId ?? '',
    };
    this.departments.set(dept.open_department_id, dept);
    return dept;
  }

  all(): DirectoryUser[] {
    return [...this.users];
  }

  /** Find by any id (open_id, union_id or user_id). */
  find(id: string): DirectoryUser | undefined {
    return this.users.find((u) => u.open_id === id || u.union_id === id || u.user_id === id);
  }

  byIdType(id: string, type: UserIdType): DirectoryUser | undefined {
    return this.users.find((u) => u[type] === id);
  }

  update(id: string, change: Partial<Pick<DirectoryUser, 'name' | 'email' | 'mobile' | 'inScope' | 'department_ids'>> & { resigned?: boolean }): DirectoryUser {
    const user = this.find(id);
    if (!user) throw new Error(`unknown user ${id}`);
    const { resigned, ...rest } = change;
    Object.assign(user, rest);
    if (rest.mobile !== undefined) user.mobile = rest.mobile ? normalizeMobile(rest.mobile) : '';
    if (resigned !== undefined) {
      user.status.is_resigned = resigned;
      user.status.is_activated = !resigned;
    }
    return user;
  }
}

export function parseUserIdType(value: string | null): UserIdType | undefined {
  if (value === null || value === '') return 'open_id';
  return value === 'open_id' || value === 'union_id' || value === 'user_id' ? value : undefined;
}
