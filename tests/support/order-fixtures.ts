import { randomUUID } from 'node:crypto';
import type { Db } from '../../shared/db';
import type { Redis } from 'ioredis';
import type { Config } from '../../shared/config';
import { createItem } from '../../shared/items/create-item';
import { issueAccessToken, type UserRole } from '../../shared/users/access-tokens';

export interface TestUser {
  userNum: number;
  role: UserRole;
  token: string;
}

/** A user row straight in the test database and a real token: for tests that are not about accounts. */
export async function insertUser(db: Db, config: Config, role: UserRole): Promise<TestUser> {
  const [userNum] = await db('users').insert({
    email: `${role.toLowerCase()}-${randomUUID()}@test.local`,
    name: `${role} under test`,
    password_hash: 'not-a-real-hash',
    role,
  });
  return { userNum: userNum, role, token: issueAccessToken(config, { userNum: userNum, role }).accessToken };
}

export interface ItemSpec {
  price?: number;
  stock?: number;
  availableAt?: Date | null;
  endAt?: Date | null;
  maxPerBuyer?: number | null;
}

/** An item listed through the catalog's use case (MySQL rows and Redis sale state). */
export async function insertItem(db: Db, redis: Redis, sellerNum: number, spec: ItemSpec = {}): Promise<{ itemNum: number; price: number }> {
  const price = spec.price ?? 1000;
  const { item } = await createItem(
    { db, redis },
    {
      sellerNum,
      title: 'Item under test',
      description: 'made by a test',
      price,
      stock: spec.stock ?? 10,
      availableAt: spec.availableAt ?? null,
      endAt: spec.endAt ?? null,
      maxPerBuyer: spec.maxPerBuyer ?? null,
    },
  );
  return { itemNum: item.itemNum, price };
}
