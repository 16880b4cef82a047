import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import type { RunningApi } from '../api/server';
import type { RunningWorker } from '../worker/worker';
import { startTestApi } from './support/api';
import { BuyerClient } from './support/buyer-client';
import { buildPages, DESKTOP, launchChromium, PHONE } from '../testkit/chromium';
import { WatchedPage } from './support/chromium';
import { isolateTestFile } from './support/isolation';
import { holdDistFolder } from './support/dist-folder';
import { insertItem, insertUser, type TestUser } from './support/order-fixtures';
import { TestSmtpServer } from './support/smtp';
import { startTestWorker } from './support/worker';

/** What the pages keep in sessionStorage (web/src/common/session.ts): a user signed in without the form. */
const signedIn = (user: TestUser, name: string) => ({
  'reservation-purchase.session': JSON.stringify({ token: user.token, userNum: user.userNum, name, role: user.role }),
});

describe('The drop page and the seller page, in Chromium', () => {
  isolateTestFile(__filename);
  holdDistFolder();
  let smtp: TestSmtpServer;
  let api: RunningApi;
  let browser: Browser;
  let seller: TestUser;
  let watched: WatchedPage | undefined;

  before(async function () {
    this.timeout(60_000);
    smtp = new TestSmtpServer();
    const [smtpUrl] = await Promise.all([smtp.start(), buildPages()]);
    api = await startTestApi({ SMTP_URL: smtpUrl });
    browser = await launchChromium();
    seller = await insertUser(api.ctx.db, api.ctx.config, 'SELLER');
  });
  afterEach(async () => {
    await watched?.close();
    watched = undefined;
  });
  after(async () => {
    await browser?.close();
    await api?.stop();
    await smtp?.stop();
  });

  const open = async (path: string, viewport: typeof PHONE, session: Record<string, string> = {}) => {
    watched = await WatchedPage.open(browser, viewport, session);
    await watched.page.goto(`${api.url}${path}`);
    return watched.page;
  };
  const unlabelledInputs = (page: WatchedPage['page']) => page.$$eval('input', (inputs) => inputs.filter((input) => input.labels === null || input.labels.length === 0).map((input) => input.id));

  it('When the pages are fetched, they come from the service itself under a strict Content-Security-Policy, and /docs keeps its own', async () => {
    const drop = await request(api.url).get('/').expect(200).expect('Content-Type', /text\/html/);
    const csp = drop.headers['content-security-policy'];
    expect(csp).to.include("script-src 'self'").and.include("style-src 'self'").and.include("connect-src 'self'").and.include("default-src 'self'");
    expect(csp).not.to.match(/unsafe-inline|unsafe-eval|https?:/);
    const assets = [...drop.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets.every((asset) => asset.startsWith('/'))).to.equal(true);
    for (const asset of assets) await request(api.url).get(asset).expect(200);
    await request(api.url).get('/seller').expect(301).expect('Location', '/seller/');
    expect((await request(api.url).get('/seller/').expect(200)).headers['content-security-policy']).to.equal(csp);
    const docs = await request(api.url).get('/docs/').expect(200);
    expect(docs.headers['content-security-policy']).to.equal(undefined);
    expect((await request(api.url).get('/no-such-page').expect(404)).body.code).to.equal('ROUTE_NOT_FOUND');
  });

  it('When a buyer signs up with the mailed code on a phone and buys an item on sale, the stream shows its place in line and then PAID without a reload, and My orders cancels it', async () => {
    const title = `Sneakers ${randomUUID().slice(0, 8)}`;
    const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 5 });
    await api.ctx.db('items').where({ id: item.itemNum }).update({ title });
    let worker: RunningWorker | undefined;
    try {
      const page = await open('/', PHONE);
      const email = `buyer-${randomUUID()}@example.test`;
      await page.getByRole('button', { name: 'New here? Sign up' }).click();
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Email me a code' }).click();
      await page.getByLabel('Code from the mail').fill(await smtp.codeFor(email));
      await page.getByLabel('Your name').fill('Pat Phone');
      await page.getByLabel('Password (8 characters or more)').fill('a-good-password');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByText('Signed in as Pat Phone', { exact: true }).waitFor();
      expect(await unlabelledInputs(page)).to.deep.equal([]);

      const card = page.locator(`[data-testid=item][data-item-num="${item.itemNum}"]`);
      await card.getByLabel('Quantity').fill('2');
      const stream = page.waitForRequest((request) => /\/api\/v1\/orders\/\d+\/events$/.test(request.url()));
      await card.getByRole('button', { name: `Buy ${title}` }).click();
      expect((await stream).headers()).to.include({ accept: 'text/event-stream' }).and.have.property('authorization').that.matches(/^Bearer /);
      // No worker yet: the payment waits in line, and the stream says where.
      const status = page.getByTestId('order-status');
      await status.and(page.locator('[data-status=IN_PROGRESS]')).waitFor();
      await page.getByText('Place in line: 1.', { exact: true }).waitFor();
      worker = await startTestWorker({ PAYMENT_FAILURE_RATE: '0' });
      await status.and(page.locator('[data-status=PAID]')).waitFor();
      await page.getByTestId('announcer').getByText(/Paid: it is yours/).waitFor();
      // The card reads the items again once the order settled, after announcing it: wait for that read.
      await card.locator('[data-testid=stock]', { hasText: /^3$/ }).waitFor();
      expect(page.url()).to.equal(`${api.url}/`);
      expect(await page.evaluate('Object.keys(localStorage)')).to.deep.equal([]);
      expect(await page.evaluate('document.documentElement.scrollWidth')).to.be.at.most(PHONE.width);

      const orderNum = Number(await page.getByTestId('my-order').first().getAttribute('data-order-num'));
      await page.getByRole('button', { name: `Cancel order ${orderNum}` }).click();
      await page.getByTestId('announcer').getByText(`Order ${orderNum} canceled and refunded.`).waitFor();
      expect((await api.ctx.db('orders').where({ id: orderNum }).first()).status).to.equal('CANCELED');
      watched!.assertClean();
    } finally {
      await worker?.stop();
    }
  });

  it('When an item opens later, its card counts down, and an order sent from the keyboard is refused with NOT_OPEN_YET in words', async () => {
    const buyer = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { availableAt: new Date(Date.now() + 3600_000) });
    const page = await open('/', DESKTOP, signedIn(buyer, 'Kim Keyboard'));
    const card = page.locator(`[data-testid=item][data-item-num="${item.itemNum}"]`);
    const countdown = card.getByTestId('countdown');
    const first = await countdown.textContent();
    expect(first).to.match(/^Opens in (59:[0-5]\d|01:00:00)$/);
    await countdown.filter({ hasNotText: first! }).waitFor();

    await card.getByLabel('Quantity').focus();
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).to.match(/^Buy /);
    await page.keyboard.press('Enter');
    await card.getByRole('alert').getByText(/^Not on sale yet: this sale opens at .+ Your order was not taken/).waitFor();
    expect(await api.ctx.db('orders').where({ item_id: item.itemNum }).count({ n: '*' })).to.deep.equal([{ n: 0 }]);
    watched!.assertClean([409]);
  });

  it('When a buyer asks for more than one buyer may hold, the card shows the limit and the refusal says it in words', async () => {
    const buyer = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { maxPerBuyer: 2 });
    const page = await open('/', PHONE, signedIn(buyer, 'Lee Limit'));
    const card = page.locator(`[data-testid=item][data-item-num="${item.itemNum}"]`);
    await card.getByText('At most 2 per buyer', { exact: true }).waitFor();
    await card.getByLabel('Quantity').fill('3');
    await card.getByRole('button', { name: /^Buy / }).click();
    await card.getByRole('alert').getByText('One buyer may hold at most 2 of this item, and your orders hold 0: lower the quantity, or cancel an order to buy more.').waitFor();
    watched!.assertClean([409]);
  });

  it('When payments in progress hold every unit left, the refusal says so in words, with when to try again', async () => {
    const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { stock: 1 });
    const paying = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
    await paying.enterAndPay(item.itemNum, item.price);
    const buyer = await insertUser(api.ctx.db, api.ctx.config, 'BUYER');
    const page = await open('/', PHONE, signedIn(buyer, 'Hana Held'));
    const card = page.locator(`[data-testid=item][data-item-num="${item.itemNum}"]`);
    await card.getByRole('button', { name: /^Buy / }).click();
    await card
      .getByRole('alert')
      .getByText('Every unit left is held by buyers paying right now. Some may come back if their payments fail: try again in 2 seconds.')
      .waitFor();
    watched!.assertClean([409]);
  });

  it("When the device's clock is 10 minutes slow, the countdown still counts to the opening by the service's clock", async () => {
    const item = await insertItem(api.ctx.db, api.ctx.redis, seller.userNum, { availableAt: new Date(Date.now() + 5 * 60_000) });
    watched = await WatchedPage.open(browser, PHONE);
    await watched.page.clock.setFixedTime(Date.now() - 10 * 60_000);
    await watched.page.goto(`${api.url}/`);
    const countdown = watched.page.locator(`[data-testid=item][data-item-num="${item.itemNum}"]`).getByTestId('countdown');
    await countdown.getByText(/^Opens in 0[45]:\d\d$/).waitFor();
    watched.assertClean();
  });

  it('When a seller lists an item at desktop width, its live panel moves as orders come in: the line grows, then a worker drains it into paid orders', async () => {
    const page = await open('/seller', DESKTOP, signedIn(seller, 'Sam Seller'));
    expect(await unlabelledInputs(page)).to.deep.equal([]);
    const title = `Drop ${randomUUID().slice(0, 8)}`;
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Price').fill('2500');
    await page.getByLabel('Stock').fill('20');
    await page.getByLabel('Most units per buyer').fill('2');
    await page.getByRole('button', { name: 'List item' }).click();
    await page.getByTestId('announcer').getByText(`${title} listed.`).waitFor();

    const panel = page.locator('[data-testid=seller-item]', { hasText: title }).getByTestId('live-panel');
    await panel.waitFor();
    await page.locator('[data-testid=seller-item]', { hasText: title }).getByText(/at most 2 per buyer/).waitFor();
    const itemNum = Number(await page.locator('[data-testid=seller-item]', { hasText: title }).getAttribute('data-item-num'));
    const figure = (name: string) => panel.getByTestId(`live-${name}`);
    expect(await figure('stock').textContent()).to.equal('20');

    const buyer = new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'));
    const buyers = [buyer, new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER')), new BuyerClient(api.url, await insertUser(api.ctx.db, api.ctx.config, 'BUYER'))];
    for (const each of buyers) await each.enterAndPay(itemNum, 2500, 2);
    await figure('line').getByText('3', { exact: true }).waitFor();
    expect(await figure('in-flight').textContent()).to.equal('6');

    const worker = await startTestWorker({ PAYMENT_FAILURE_RATE: '0' });
    try {
      await figure('paid').getByText('3', { exact: true }).waitFor();
      await figure('line').getByText('0', { exact: true }).waitFor();
      await figure('stock').getByText('14', { exact: true }).waitFor();
    } finally {
      await worker.stop();
    }
    watched!.assertClean();
  });
});
