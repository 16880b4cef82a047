import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPage } from '../../testkit/chromium';

/**
 * A page whose console is watched: any console error or uncaught exception fails the test in
 * assertClean(), except the network log of an HTTP refusal the test itself provokes (Chromium logs
 * every 4xx answer to fetch as "Failed to load resource", however the page handles it).
 */
export class WatchedPage {
  readonly errors: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(`uncaught: ${error.message}`));
  }

  static async open(browser: Browser, viewport: { width: number; height: number }, sessionStorage: Record<string, string> = {}): Promise<WatchedPage> {
    const { context, page } = await openPage(browser, viewport, sessionStorage);
    return new WatchedPage(context, page);
  }

  assertClean(expectedRefusals: number[] = []): void {
    const refusal = /^Failed to load resource: the server responded with a status of (\d{3})/;
    const unexpected = this.errors.filter((text) => !expectedRefusals.includes(Number(refusal.exec(text)?.[1])));
    expect(unexpected, 'console errors').to.deep.equal([]);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
