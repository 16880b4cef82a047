import { randomUUID } from 'node:crypto';
import type { Db } from '../../shared/db';
import type { Redis } from 'ioredis';
import type { Config } from '../../shared/config';
import { syncItemSaleState } from '../../shared/items/sale-state-sync';
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
  return { userNum: userNum!, role, token: issueAccessToken(config, { userNum: userNum!, role }).accessToken };
}

export interface ItemSpec {
  price?: number;
  stock?: number;
  availableAt?: Date | null;
  endAt?: Date | null;
}

/** An item and its stock row in MySQL, published to Redis as the catalog does. */
export async function insertItem(db: Db, redis: Redis, sellerNum: number, spec: ItemSpec = {}): Promise<{ itemNum: number; price: number }> {
  const price = spec.price ?? 1000;
  const stock = spec.stock ?? 10;
  const itemNum = await db.transaction(async (trx) => {
    const [id] = await trx('items').insert({
      seller_id: sellerNum,
      title: 'Item under test',
      description: 'made by a test',
      price,
      available_at: spec.availableAt ?? null,
      end_at: spec.endAt ?? null,
    });
    await trx('stocks').insert({ item_id: id, quantity: stock, supplied: stock, version: 1 });
    return id!;
  });
  await syncItemSaleState(db, redis, itemNum);
  return { itemNum, price };
}
