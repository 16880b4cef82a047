import { expect } from 'chai';
import request from 'supertest';
import { isSettled } from '../../shared/orders/order-status';
import type { TestUser } from './order-fixtures';
import { waitFor } from './wait';

/** What a buyer does over HTTP: enter an order, pay, poll, cancel. */
export class BuyerClient {
  constructor(
    private readonly baseUrl: string,
    readonly user: TestUser,
  ) {}

  private auth(test: request.Test): request.Test {
    return test.set('Authorization', `Bearer ${this.user.token}`);
  }

  order(itemNum: number, price: number, quantity = 1) {
    return this.auth(request(this.baseUrl).post('/api/v1/orders')).send({ buyerNum: this.user.userNum, itemNum, quantity, price });
  }

  /** Enters an order that must be accepted; its number. */
  async enter(itemNum: number, price: number, quantity = 1): Promise<number> {
    const res = await this.order(itemNum, price, quantity).expect(200);
    return res.body.data.orderNum as number;
  }

  pay(orderNum: number, path = '/api/v1/try-payments') {
    return this.auth(request(this.baseUrl).post(`${path}/${orderNum}`));
  }

  poll(orderNum: number) {
    return this.auth(request(this.baseUrl).get(`/api/v1/orders/${orderNum}`));
  }

  cancel(orderNum: number) {
    return this.auth(request(this.baseUrl).delete(`/api/v1/payments/${orderNum}`));
  }

  list(query = '') {
    return this.auth(request(this.baseUrl).get(`/api/v1/orders${query}`));
  }

  /** Polls until the order settles (and, if given, reaches `status`); returns the order as polled. */
  async settled(orderNum: number, status?: string) {
    return waitFor(`order ${orderNum} to settle`, async () => {
      const res = await this.poll(orderNum).expect(200);
      const data = res.body.data;
      if (!isSettled(data.status) || (status !== undefined && data.status !== status)) return undefined;
      // Redis settles a cancel at once; MySQL's history follows when the worker writes it.
      if (data.history.at(-1)?.to !== data.status) return undefined;
      return data;
    });
  }

  async enterAndPay(itemNum: number, price: number, quantity = 1): Promise<number> {
    const orderNum = await this.enter(itemNum, price, quantity);
    const res = await this.pay(orderNum).expect(202);
    expect(res.body.data).to.include({ status: 'IN_PROGRESS' });
    return orderNum;
  }
}
