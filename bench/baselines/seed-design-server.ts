import express from 'express';
import mysql from 'mysql2/promise';

/**
 * The seed's first design, as a baseline (never part of the product): every order is one
 * synchronous MySQL transaction that locks the item's stock row (SELECT … FOR UPDATE), decrements
 * it, and writes the order, its history and its payment, from a pool of 16 connections.
 * Its own tables (seed_*) in the bench database.
 */
const pool = mysql.createPool({ uri: process.env.DATABASE_URL!, connectionLimit: 16 });

async function createTables(): Promise<void> {
  await pool.query('CREATE TABLE IF NOT EXISTS seed_stocks (item_id BIGINT PRIMARY KEY, quantity INT UNSIGNED NOT NULL)');
  await pool.query(
    'CREATE TABLE IF NOT EXISTS seed_orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, buyer_id BIGINT NOT NULL, item_id BIGINT NOT NULL, quantity INT NOT NULL, amount BIGINT NOT NULL, status VARCHAR(20) NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))',
  );
  await pool.query(
    'CREATE TABLE IF NOT EXISTS seed_histories (id BIGINT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT NOT NULL, status VARCHAR(20) NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))',
  );
  await pool.query(
    'CREATE TABLE IF NOT EXISTS seed_payments (id BIGINT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT NOT NULL UNIQUE, amount BIGINT NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))',
  );
}

interface OrderBody {
  buyerNum: number;
  itemNum: number;
  quantity: number;
  price: number;
}

async function placeOrder(body: OrderBody): Promise<{ orderNum: number; status: string }> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT quantity FROM seed_stocks WHERE item_id = ? FOR UPDATE', [body.itemNum]);
    const left = Number(rows[0]?.quantity ?? 0);
    const status = left >= body.quantity ? 'PAID' : 'FAILED_QUANTITY';
    if (status === 'PAID') await connection.query('UPDATE seed_stocks SET quantity = quantity - ? WHERE item_id = ?', [body.quantity, body.itemNum]);
    const [order] = await connection.query<mysql.ResultSetHeader>(
      'INSERT INTO seed_orders (buyer_id, item_id, quantity, amount, status) VALUES (?, ?, ?, ?, ?)',
      [body.buyerNum, body.itemNum, body.quantity, body.quantity * body.price, status],
    );
    await connection.query('INSERT INTO seed_histories (order_id, status) VALUES (?, ?)', [order.insertId, status]);
    if (status === 'PAID') await connection.query('INSERT INTO seed_payments (order_id, amount) VALUES (?, ?)', [order.insertId, body.quantity * body.price]);
    await connection.commit();
    return { orderNum: order.insertId, status };
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

async function main(): Promise<void> {
  await createTables();
  const app = express();
  app.use(express.json());
  app.post('/api/v1/orders', async (req, res) => {
    res.json({ status: 'OK', message: 'order', data: await placeOrder(req.body as OrderBody) });
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'OK' });
  });
  const server = app.listen(Number(process.env.PORT ?? 18191), '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
}

void main();
