// Remakes docs/screenshots/*.png: the drop page and the seller page at desktop and phone width, on
// a service of this process's own (its own database and Redis prefix, dropped and made afresh), with
// a few items and orders. `npm run screenshots`; needs MySQL, Redis and Chromium (/usr/bin/chromium).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startApi } from '../api/server';
import { loadConfig, type Config } from '../shared/config';
import { createItem } from '../shared/items/create-item';
import { createLogger } from '../shared/logger';
import { hashPassword } from '../shared/users/passwords';
import { issueAccessToken, type UserRole } from '../shared/users/access-tokens';
import { buildPages, DESKTOP, launchChromium, openPage, PHONE } from '../testkit/chromium';
import { deleteKeysUnderPrefix, recreateDatabase } from '../testkit/fresh-state';
import { startWorker } from '../worker/worker';

const OUT = path.join(__dirname, '..', 'docs', 'screenshots');
const HOUR = 3600_000;

function screenshotConfig(): Config {
  const config = loadConfig();
  const databaseUrl = new URL(config.databaseUrl);
  databaseUrl.pathname = '/reservation_purchase_screenshots';
  return { ...config, databaseUrl: databaseUrl.toString(), redisPrefix: 'rp-screenshots:', port: 0, paymentFailureRate: 0, smtpUrl: undefined, workerMetricsPort: 0, orderRateLimit: 0 };
}

async function main(): Promise<void> {
  const config = screenshotConfig();
  const logger = createLogger({ ...config, logLevel: 'warn' }, 'screenshots');
  await Promise.all([recreateDatabase(config), deleteKeysUnderPrefix(config), buildPages()]);
  const api = await startApi(config, logger);
  const worker = await startWorker(config, logger);
  const browser = await launchChromium();
  try {
    const account = async (name: string, role: UserRole) => {
      const [userNum] = await api.ctx.db('users').insert({ email: `${role.toLowerCase()}@example.test`, name, password_hash: await hashPassword('screenshot-password'), role });
      const session = { token: issueAccessToken(config, { userNum, role }).accessToken, userNum, name, role };
      return { userNum, signedIn: { 'reservation-purchase.session': JSON.stringify(session) } };
    };
    const { userNum: sellerNum, signedIn: seller } = await account('Sam Seller', 'SELLER');
    const { signedIn: buyer } = await account('Bo Buyer', 'BUYER');
    const list = (title: string, description: string, price: number, stock: number, availableAt: Date | null, endAt: Date | null, maxPerBuyer: number | null = null) =>
      createItem(api.ctx, { sellerNum, title, description, price, stock, availableAt, endAt, maxPerBuyer });
    await list('Festival pass 2027', 'Three days, all stages', 189000, 500, null, new Date(Date.now() + 5 * HOUR));
    await list('Vinyl box set', 'Numbered, 12 records', 249000, 300, new Date(Date.now() + 2 * HOUR + 17 * 60_000), null);
    const sneakers = await list('Limited sneakers', 'Drop of the week', 129000, 40, null, null, 2);

    const shoot = async (name: string, where: string, session: Record<string, string>, viewport: typeof DESKTOP, act: (page: Page) => Promise<void>) => {
      const { context, page } = await openPage(browser, viewport, session);
      await page.goto(`${api.url}${where}`);
      await act(page);
      await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
      await context.close();
    };
    const buySneakers = async (page: Page) => {
      await page.getByRole('button', { name: 'Buy Limited sneakers' }).click();
      await page.locator('[data-testid=order-status][data-status=PAID], [data-testid=order-status][data-status=FAILED_CUSTOMER]').waitFor();
      await page.getByTestId('my-order').first().waitFor();
    };
    const watchLive = async (page: Page) => {
      await page.getByTestId('live-paid').first().getByText('2', { exact: true }).waitFor();
    };
    mkdirSync(OUT, { recursive: true });
    await shoot('drop-page-desktop', '/', buyer, DESKTOP, buySneakers);
    await shoot('drop-page-phone', '/', buyer, PHONE, buySneakers);
    await shoot('seller-page-desktop', '/seller', seller, DESKTOP, watchLive);
    await shoot('seller-page-phone', '/seller', seller, PHONE, watchLive);
    console.log(`screenshots of item ${sneakers.item.itemNum}'s drop written to ${OUT}`);
  } finally {
    await browser.close();
    await worker.stop();
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
