import type { Db } from '../db';
import type { UserRole } from './access-tokens';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  role: UserRole;
  deleted_at: Date | null;
}

const COLUMNS = ['id', 'email', 'name', 'password_hash', 'role', 'deleted_at'];

const normalize = (row: UserRow): UserRow => ({ ...row, id: Number(row.id) });

export async function insertUser(db: Db, user: { email: string; name: string; passwordHash: string; role: UserRole }): Promise<number> {
  const [userNum] = await db('users').insert({ email: user.email, name: user.name, password_hash: user.passwordHash, role: user.role });
  return userNum;
}

export async function findLiveUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const row = await db('users').where({ email }).whereNull('deleted_at').first<UserRow | undefined>(COLUMNS);
  return row && normalize(row);
}

export async function findLiveUser(db: Db, userNum: number): Promise<UserRow | undefined> {
  const row = await db('users').where({ id: userNum }).whereNull('deleted_at').first<UserRow | undefined>(COLUMNS);
  return row && normalize(row);
}

export async function updateUser(db: Db, userNum: number, changes: { name?: string; password_hash?: string; tokens_not_before?: Date }): Promise<void> {
  await db('users').where({ id: userNum }).update({ ...changes, updated_at: new Date() });
}

/**
 * Deletes softly (orders keep their buyer) and frees the address: the row keeps no email of the
 * person, who may sign up again with it.
 */
export async function softDeleteUser(db: Db, userNum: number): Promise<void> {
  const now = new Date();
  await db('users').where({ id: userNum }).update({ email: `deleted-${userNum}@deleted.invalid`, deleted_at: now, updated_at: now });
}

/** Accounts whose tokens were voided (password changed, or deleted) after `since`, with when. */
export async function listUsersWithTokensVoidedSince(db: Db, since: Date): Promise<{ id: number; tokens_not_before: Date | null; deleted_at: Date | null }[]> {
  const rows = await db('users')
    .select<{ id: number; tokens_not_before: Date | null; deleted_at: Date | null }[]>('id', 'tokens_not_before', 'deleted_at')
    .where('tokens_not_before', '>', since)
    .orWhere('deleted_at', '>', since);
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
