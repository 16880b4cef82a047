import argon2 from 'argon2';
import type { Redis } from 'ioredis';
import type { Config } from '../shared/config';
import type { Db } from '../shared/db';
import { createItem } from '../shared/items/create-item';
import { issueAccessToken, type UserRole } from '../shared/users/access-tokens';

const BENCH_PASSWORD = 'bench password';

export interface BenchUser {
  userNum: number;
  token: string;
}

/**
 * The fast seeding path: accounts straight into MySQL (signing up 10,000 buyers through email
 * codes would measure the mail server) and tokens minted with the service's secret: the scenarios'
 * buyers arrive logged in, as the seed's load test did. They share one cheap argon2id hash
 * (4 MiB, 1 pass), so the accounts are real ones that can log in, at no seeding cost.
 */
export async function seedUsers(db: Db, config: Config, role: UserRole, count: number, tag: string): Promise<BenchUser[]> {
  const passwordHash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
  const prefix = `bench-${tag}-${role.toLowerCase()}-`;
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
      email: `${prefix}${start + i}@bench.example.com`,
      name: `${role} ${start + i}`,
      password_hash: passwordHash,
      role,
    }));
    await db('users').insert(rows);
  }
  const users = await db('users').where('email', 'like', `${prefix}%`).select<{ id: number }[]>('id').orderBy('id');
  return users.map((user) => ({
    userNum: Number(user.id),
    token: issueAccessToken(config, { userNum: Number(user.id), role }).accessToken,
  }));
}

export async function seedItem(
  db: Db,
  redis: Redis,
  sellerNum: number,
  spec: { title: string; price: number; stock: number; availableAt?: Date | null; endAt?: Date | null },
): Promise<{ itemNum: number; price: number }> {
  const { item } = await createItem(
    { db, redis },
    { sellerNum, title: spec.title, description: 'bench item', price: spec.price, stock: spec.stock, availableAt: spec.availableAt ?? null, endAt: spec.endAt ?? null },
  );
  return { itemNum: item.itemNum, price: item.price };
}
