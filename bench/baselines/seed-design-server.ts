import express from 'express';
import mysql from 'mysql2/promise';
import { createServerOf } from '../../shared/express-server';

/**
 * The seed's first design, as a baseline (never part of the product): every step is a synchronous
 * MySQL transaction from a pool of 16 connections. Entering an order reads the stock and inserts
 * the order; paying locks the order and the item's stock row (SELECT … FOR UPDATE), settles the
 * payment (declined with the same 20% as ours, else PAID while units last, else FAILED_QUANTITY)
 * and writes the payment and the history. Its own tables (seed_*) in the bench database. Served as
 * the API is (createServerOf), so that the comparison is of the designs, not of how Express is served.
 */
const pool = mysql.createPool({ uri: process.env.DATABASE_URL!, connectionLimit: 16 });
const PAYMENT_FAILURE_RATE = 0.2;

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

interface SeedOrder {
  orderNum: number;
  itemNum: number;
  quantity: number;
  status: string;
}

async function inTransaction<T>(work: (connection: mysql.PoolConnection) => Promise<T>): Promise<T> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const result = await work(connection);
    await connection.commit();
    return result;
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

/** Takes the item's stock row lock; PAID (stock taken) while units last, else FAILED_QUANTITY. */
async function takeStock(connection: mysql.PoolConnection, itemNum: number, quantity: number): Promise<'PAID' | 'FAILED_QUANTITY'> {
  const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT quantity FROM seed_stocks WHERE item_id = ? FOR UPDATE', [itemNum]);
  if (Number(rows[0]?.quantity ?? 0) < quantity) return 'FAILED_QUANTITY';
  await connection.query('UPDATE seed_stocks SET quantity = quantity - ? WHERE item_id = ?', [quantity, itemNum]);
  return 'PAID';
}

/** Enter: null when the item has no stock left (read without a lock, as a listing page would). */
async function enterOrder(body: OrderBody): Promise<SeedOrder | null> {
  return inTransaction(async (connection) => {
    const [stock] = await connection.query<mysql.RowDataPacket[]>('SELECT quantity FROM seed_stocks WHERE item_id = ?', [body.itemNum]);
    if (Number(stock[0]?.quantity ?? 0) < body.quantity) return null;
    const [order] = await connection.query<mysql.ResultSetHeader>(
      'INSERT INTO seed_orders (buyer_id, item_id, quantity, amount, status) VALUES (?, ?, ?, ?, ?)',
      [body.buyerNum, body.itemNum, body.quantity, body.quantity * body.price, 'INITIATED'],
    );
    await connection.query('INSERT INTO seed_histories (order_id, status) VALUES (?, ?)', [order.insertId, 'INITIATED']);
    return { orderNum: order.insertId, itemNum: body.itemNum, quantity: body.quantity, status: 'INITIATED' };
  });
}

/** Try payment: null when the order is unknown or no longer INITIATED. */
async function tryPayment(orderNum: number): Promise<SeedOrder | null> {
  return inTransaction(async (connection) => {
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT item_id, quantity, amount, status FROM seed_orders WHERE id = ? FOR UPDATE', [orderNum]);
    const order = rows[0];
    if (!order || order.status !== 'INITIATED') return null;
    const itemNum = Number(order.item_id);
    const quantity = Number(order.quantity);
    const status = Math.random() < PAYMENT_FAILURE_RATE ? 'FAILED_CUSTOMER' : await takeStock(connection, itemNum, quantity);
    await connection.query('UPDATE seed_orders SET status = ? WHERE id = ?', [status, orderNum]);
    await connection.query('INSERT INTO seed_histories (order_id, status) VALUES (?, ?)', [orderNum, status]);
    if (status === 'PAID') await connection.query('INSERT INTO seed_payments (order_id, amount) VALUES (?, ?)', [orderNum, order.amount]);
    return { orderNum, itemNum, quantity, status };
  });
}

/** The hot-item drain's baseline: one locking transaction per order that enters and pays it at once. */
async function placeAndPay(body: OrderBody): Promise<SeedOrder> {
  return inTransaction(async (connection) => {
    const status = await takeStock(connection, body.itemNum, body.quantity);
    const [order] = await connection.query<mysql.ResultSetHeader>(
      'INSERT INTO seed_orders (buyer_id, item_id, quantity, amount, status) VALUES (?, ?, ?, ?, ?)',
      [body.buyerNum, body.itemNum, body.quantity, body.quantity * body.price, status],
    );
    await connection.query('INSERT INTO seed_histories (order_id, status) VALUES (?, ?)', [order.insertId, status]);
    if (status === 'PAID') await connection.query('INSERT INTO seed_payments (order_id, amount) VALUES (?, ?)', [order.insertId, body.quantity * body.price]);
    return { orderNum: order.insertId, itemNum: body.itemNum, quantity: body.quantity, status };
  });
}

const conflict = (code: string) => ({ status: 'CONFLICT', message: code, code });

async function main(): Promise<void> {
  await createTables();
  const app = express();
  app.use(express.json());
  app.post('/api/v1/orders', async (req, res) => {
    const order = await enterOrder(req.body as OrderBody);
    if (order) res.json({ status: 'OK', message: 'order entered', data: order });
    else res.status(409).json(conflict('SOLD_OUT'));
  });
  app.post(['/api/v1/try-payments/:orderNum', '/api/v1/orders/try-payments/:orderNum'], async (req, res) => {
    const order = await tryPayment(Number(req.params.orderNum));
    if (order) res.json({ status: 'OK', message: 'payment tried', data: order });
    else res.status(409).json(conflict('INVALID_STATE'));
  });
  app.post('/api/v1/orders/place-and-pay', async (req, res) => {
    res.json({ status: 'OK', message: 'order placed and paid', data: await placeAndPay(req.body as OrderBody) });
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'OK' });
  });
  const server = createServerOf(app).listen(Number(process.env.PORT ?? 18191), '127.0.0.1');
  process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
}

void main();
