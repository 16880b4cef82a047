import { expect } from 'chai';
import { SoldOutMemo } from '../shared/orders/sold-out-memo';

describe('The sold-out memo of an API process (SOLD_OUT_MEMO_MS)', () => {
  const TTL_MS = 200;

  it('When Redis has said SOLD_OUT, the item is sold out from memory for the moment; other items and non-numbers are not', () => {
    const memo = new SoldOutMemo(TTL_MS);
    memo.remember(7, 1_000);
    expect(memo.isSoldOut(7, 1_199)).to.equal(true);
    expect(memo.isSoldOut(8, 1_100)).to.equal(false);
    expect(memo.isSoldOut('7', 1_100)).to.equal(false);
  });

  it('When the moment is over, one order is sent on to Redis and the orders after it are still told sold out until its answer', () => {
    const memo = new SoldOutMemo(TTL_MS);
    memo.remember(7, 1_000);
    expect(memo.isSoldOut(7, 1_200), 'the first order after the moment asks Redis').to.equal(false);
    expect(memo.isSoldOut(7, 1_201), 'meanwhile').to.equal(true);
    expect(memo.isSoldOut(7, 1_399), 'meanwhile').to.equal(true);
    expect(memo.isSoldOut(7, 1_400), 'no answer came within another moment: the next order asks').to.equal(false);
  });

  it('When Redis answers with units (forget), the item is no longer sold out from memory, even within the moment', () => {
    const memo = new SoldOutMemo(TTL_MS);
    memo.remember(7, 1_000);
    memo.forget(7);
    expect(memo.isSoldOut(7, 1_001)).to.equal(false);
    expect(memo.isSoldOut(7, 1_002), 'nothing remembered: every order asks').to.equal(false);
  });

  it('When the memo is off (0 ms), nothing is remembered', () => {
    const memo = new SoldOutMemo(0);
    memo.remember(7, 1_000);
    expect(memo.isSoldOut(7, 1_000)).to.equal(false);
  });
});
