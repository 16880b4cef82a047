import type { UserRow } from './user-repository';

/** A user as the API shows it (the seed's fields). */
export interface UserView {
  userNum: number;
  name: string;
  email: string;
  userRole: UserRow['role'];
}

export const userViewOf = (row: UserRow): UserView => ({ userNum: row.id, name: row.name, email: row.email, userRole: row.role });
