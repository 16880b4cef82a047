import { expect } from 'chai';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { publishStock } from '../shared/items/sale-state-sync';
import { redisKeys } from '../shared/redis-keys';
import { startTestApi } from './support/api';
import { insertUser, type TestUser } from './support/order-fixtures';
import { isolateTestFile } from './support/isolation';

describe('Catalog: sellers list items, buyers browse them', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let seller: TestUser;
  let otherSeller: TestUser;
  let buyer: TestUser;

  before(async () => {
    api = await startTestApi();
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    otherSeller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
    buyer = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
  });
  after(async () => api.stop());

  const as = (user: TestUser, test: request.Test) => test.set('Authorization', `Bearer ${user.token}`);
  const listItem = (user: TestUser, body: Record<string, unknown>) => as(user, request(api.url).post('/api/v1/items')).send(body);
  const newItem = (overrides: Record<string, unknown> = {}) => ({
    sellerNum: seller.userNum,
    title: 'Limited sneakers',
    description: 'Drop of the week',
    price: 129000,
    stock: 20,
    availableAt: null,
    endAt: null,
    ...overrides,
  });
  const created = async (overrides: Record<string, unknown> = {}) => (await listItem(seller, newItem(overrides)).expect(200)).body.data;
  const saleState = (itemNum: number) => api.ctx.redis.hgetall(redisKeys.itemSaleState(itemNum));
  const stockRow = async (itemNum: number) => api.ctx.db('stocks').where({ item_id: itemNum }).first();

  it('When a seller lists a reservation item, item and stock are stored together, shaped as the seed, times in UTC, and the sale state is in Redis', async () => {
    const data = await created({ availableAt: '2030-01-01T18:00:00+09:00', endAt: '2030-01-02T09:00:00Z' });
    expect(data.item).to.include({ sellerNum: seller.userNum, title: 'Limited sneakers', price: 129000, availableAt: '2030-01-01T09:00:00.000Z', endAt: '2030-01-02T09:00:00.000Z', deletedAt: null });
    expect(data.stock).to.deep.equal({ itemNum: data.item.itemNum, stock: 20 });
    expect(await stockRow(data.item.itemNum)).to.include({ quantity: 20, supplied: 20 });
    expect(await saleState(data.item.itemNum)).to.include({
      price: '129000',
      sellerNum: String(seller.userNum),
      availableAt: String(Date.parse('2030-01-01T09:00:00Z')),
      endAt: String(Date.parse('2030-01-02T09:00:00Z')),
      deleted: '0',
      stock: '20',
    });
  });

  it('When a buyer tries to list an item, the answer is 403; for another seller\'s sellerNum too', async () => {
    await listItem(buyer, newItem({ sellerNum: buyer.userNum })).expect(403);
    await listItem(otherSeller, newItem()).expect(403);
    await request(api.url).post('/api/v1/items').send(newItem()).expect(401);
  });

  it('When the fields are wrong, the answer is 400 naming each failing field', async () => {
    const res = await listItem(seller, newItem({ price: 0, stock: -1, title: '' })).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).to.have.members(['price', 'stock', 'title']);
    const fractional = await listItem(seller, newItem({ price: 10.5 })).expect(400);
    expect(fractional.body.errors[0].field).to.equal('price');
  });

  it('When a time has no offset, it is refused with 400, not guessed', async () => {
    const res = await listItem(seller, newItem({ availableAt: '2030-01-01T10:00:00' })).expect(400);
    expect(res.body.errors[0].field).to.equal('availableAt');
  });

  it('When endAt is not after availableAt, the item is refused with 400', async () => {
    const res = await listItem(seller, newItem({ availableAt: '2030-01-02T00:00:00Z', endAt: '2030-01-01T00:00:00Z' })).expect(400);
    expect(res.body.message).to.match(/endAt must be after availableAt/);
    await listItem(seller, newItem({ availableAt: '2030-01-02T00:00:00Z', endAt: '2030-01-02T00:00:00Z' })).expect(400);
  });

  it('When anyone browses, items come newest first, paged, each saying whether it is on sale, opens later or has ended', async () => {
    const hour = 3_600_000;
    const ended = await created({ availableAt: new Date(Date.now() - 2 * hour).toISOString(), endAt: new Date(Date.now() - hour).toISOString() });
    const upcoming = await created({ availableAt: new Date(Date.now() + hour).toISOString() });
    const onSale = await created();
    const page = (await request(api.url).get('/api/v1/items?page=1&size=3').expect(200)).body.data;
    expect(page.items.map((i: { itemNum: number }) => i.itemNum)).to.deep.equal([onSale.item.itemNum, upcoming.item.itemNum, ended.item.itemNum]);
    expect(page.items.map((i: { saleStatus: string }) => i.saleStatus)).to.deep.equal(['ON_SALE', 'UPCOMING', 'ENDED']);
    expect(page.items[0]).to.include({ stock: 20 });
    expect(page).to.include({ page: 1, size: 3 });
    const next = (await request(api.url).get('/api/v1/items?page=2&size=3').expect(200)).body.data;
    expect(next.items.map((i: { itemNum: number }) => i.itemNum)).not.to.include(onSale.item.itemNum);
    const defaults = (await request(api.url).get('/api/v1/items').expect(200)).body.data;
    expect(defaults.size).to.equal(20);
    await request(api.url).get('/api/v1/items?size=1000').expect(400);
  });

  it('When an item is asked for by number, detail and stock come back; unknown items are 404', async () => {
    const { item } = await created({ stock: 7 });
    const detail = (await request(api.url).get(`/api/v1/items/${item.itemNum}`).expect(200)).body.data;
    expect(detail).to.include({ itemNum: item.itemNum, saleStatus: 'ON_SALE', stock: 7 });
    const stock = (await request(api.url).get(`/api/v1/items/stocks/${item.itemNum}`).expect(200)).body.data;
    expect(stock).to.deep.equal({ itemNum: item.itemNum, stock: 7 });
    await request(api.url).get('/api/v1/items/987654321').expect(404);
    await request(api.url).get('/api/v1/items/stocks/987654321').expect(404);
    await request(api.url).get('/api/v1/items/abc').expect(400);
  });

  it('When the seller edits price and window, MySQL and the Redis sale state both change; a buyer then pays the new price', async () => {
    const { item } = await created();
    const res = await as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ price: 99000, endAt: '2031-01-01T00:00:00Z' }).expect(200);
    expect(res.body.data).to.include({ price: 99000, endAt: '2031-01-01T00:00:00.000Z', stock: 20 });
    expect(await saleState(item.itemNum)).to.include({ price: '99000', endAt: String(Date.parse('2031-01-01T00:00:00Z')) });
    const order = (price: number) =>
      as(buyer, request(api.url).post('/api/v1/orders')).send({ buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price });
    expect((await order(129000).expect(409)).body.code).to.equal('PRICE_MISMATCH');
    await order(99000).expect(200);
  });

  it('When another seller or a buyer edits or deletes an item, the answer is 403 and nothing changes', async () => {
    const { item } = await created();
    await as(otherSeller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ title: 'mine now' }).expect(403);
    await as(buyer, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ title: 'mine now' }).expect(403);
    await as(otherSeller, request(api.url).delete(`/api/v1/items/${item.itemNum}`)).expect(403);
    await as(buyer, request(api.url).delete(`/api/v1/items/${item.itemNum}`)).expect(403);
    expect((await api.ctx.db('items').where({ id: item.itemNum }).first()).title).to.equal('Limited sneakers');
    expect((await api.ctx.db('items').where({ id: item.itemNum }).first()).deleted_at).to.equal(null);
  });

  it('When an edit is empty or sends both stock and stockDelta, it is refused with 400', async () => {
    const { item } = await created();
    await as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({}).expect(400);
    await as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ stock: 5, stockDelta: 1 }).expect(400);
    await as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ availableAt: '2031-02-01T00:00:00Z', endAt: '2031-01-01T00:00:00Z' }).expect(400);
  });

  it('When a seller lists an item with maxPerBuyer, detail, browsing and the Redis sale state show the cap; without it the cap is null', async () => {
    const capped = (await created({ maxPerBuyer: 2 })).item;
    expect(capped.maxPerBuyer).to.equal(2);
    expect((await request(api.url).get(`/api/v1/items/${capped.itemNum}`).expect(200)).body.data.maxPerBuyer).to.equal(2);
    const listed = (await request(api.url).get('/api/v1/items?size=100').expect(200)).body.data.items;
    expect(listed.find((i: { itemNum: number }) => i.itemNum === capped.itemNum).maxPerBuyer).to.equal(2);
    expect(await saleState(capped.itemNum)).to.include({ maxPerBuyer: '2' });
    expect((await api.ctx.db('items').where({ id: capped.itemNum }).first()).max_per_buyer).to.equal(2);

    const uncapped = (await created()).item;
    expect(uncapped.maxPerBuyer).to.equal(null);
    expect(await saleState(uncapped.itemNum)).to.include({ maxPerBuyer: '' });
  });

  it('When maxPerBuyer is 0, negative, fractional or not a number, listing and editing are refused with 400 naming maxPerBuyer', async () => {
    const { item } = await created();
    for (const maxPerBuyer of [0, -1, 1.5, 'two']) {
      const listed = await listItem(seller, newItem({ maxPerBuyer })).expect(400);
      expect(listed.body.code).to.equal('VALIDATION_FAILED');
      expect(listed.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['maxPerBuyer']);
      const edited = await as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ maxPerBuyer }).expect(400);
      expect(edited.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['maxPerBuyer']);
    }
    expect((await api.ctx.db('items').where({ id: item.itemNum }).first()).max_per_buyer).to.equal(null);
  });

  it('When a listing or an edit carries a field the API does not know, it is refused with 400 naming the field, not silently dropped', async () => {
    const listed = await listItem(seller, newItem({ maxPerbuyer: 2 })).expect(400);
    expect(listed.body.code).to.equal('VALIDATION_FAILED');
    expect(listed.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['maxPerbuyer']);
    const { item } = await created();
    const edited = await as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ title: 'Renamed', limit: 1 }).expect(400);
    expect(edited.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['limit']);
    expect((await api.ctx.db('items').where({ id: item.itemNum }).first()).title).to.equal('Limited sneakers');
  });

  it('When the seller sets, changes or removes maxPerBuyer, MySQL, the answer and the Redis sale state follow at once', async () => {
    const { item } = await created();
    const edit = (body: Record<string, unknown>) => as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send(body).expect(200);
    expect((await edit({ maxPerBuyer: 3 })).body.data.maxPerBuyer).to.equal(3);
    expect(await saleState(item.itemNum)).to.include({ maxPerBuyer: '3' });
    expect((await edit({ title: 'Renamed' })).body.data.maxPerBuyer, 'an edit that does not name it keeps it').to.equal(3);
    expect((await edit({ maxPerBuyer: null })).body.data.maxPerBuyer).to.equal(null);
    expect(await saleState(item.itemNum)).to.include({ maxPerBuyer: '' });
    expect((await api.ctx.db('items').where({ id: item.itemNum }).first()).max_per_buyer).to.equal(null);
  });

  it('When the seller deletes an item, it leaves browsing, its detail is 404 and it can no longer be ordered', async () => {
    const { item } = await created();
    const res = await as(seller, request(api.url).delete(`/api/v1/items/${item.itemNum}`)).expect(200);
    expect(res.body.data.deletedAt).to.be.a('string');
    await request(api.url).get(`/api/v1/items/${item.itemNum}`).expect(404);
    const listed = (await request(api.url).get('/api/v1/items?size=100').expect(200)).body.data.items;
    expect(listed.map((i: { itemNum: number }) => i.itemNum)).not.to.include(item.itemNum);
    expect(await saleState(item.itemNum)).to.include({ deleted: '1' });
    await as(buyer, request(api.url).post('/api/v1/orders')).send({ buyerNum: buyer.userNum, itemNum: item.itemNum, quantity: 1, price: 129000 }).expect(404);
    await as(seller, request(api.url).delete(`/api/v1/items/${item.itemNum}`)).expect(404);
  });

  it('When 50 stock decrements race on 20 units, exactly 20 apply, stock ends at 0 and never below, and the gate equals MySQL', async () => {
    const { item } = await created({ stock: 20 });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ stockDelta: -1 })),
    );
    expect(answers.filter((res) => res.status === 200)).to.have.length(20);
    const refused = answers.filter((res) => res.status === 409);
    expect(refused).to.have.length(30);
    expect(refused[0].body.code).to.equal('INSUFFICIENT_STOCK');
    expect(await stockRow(item.itemNum)).to.include({ quantity: 0, supplied: 0 });
    expect(await saleState(item.itemNum)).to.include({ stock: '0' });
  });

  it('When the seller sets the stock outright or adds to it, supplied follows so the no-oversell balance holds', async () => {
    const { item } = await created({ stock: 5 });
    await as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ stock: 12 }).expect(200);
    await as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ stockDelta: 3 }).expect(200);
    expect(await stockRow(item.itemNum)).to.include({ quantity: 15, supplied: 15 });
    expect(await saleState(item.itemNum)).to.include({ stock: '15' });
  });

  it('When a slower writer publishes an older stock version, the gate keeps the newer one', async () => {
    const { item } = await created({ stock: 9 });
    await as(seller, request(api.url).put(`/api/v1/items/${item.itemNum}`)).send({ stockDelta: -4 }).expect(200);
    const { version } = await stockRow(item.itemNum);
    await publishStock(api.ctx.redis, item.itemNum, { quantity: 9, version: Number(version) - 1 });
    expect(await saleState(item.itemNum)).to.include({ stock: '5', stockVersion: String(version) });
  });
});
