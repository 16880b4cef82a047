'use strict';
// Artillery processor shared by the scenarios: hands each virtual buyer a prepared account, keeps
// the order number between steps, and writes one line per request (endpoint, time, latency,
// status) so that the bench can report percentiles per endpoint and throughput over time.
const fs = require('node:fs');

const buyers = JSON.parse(fs.readFileSync(process.env.BENCH_BUYERS_FILE, 'utf8'));
const records = fs.openSync(process.env.BENCH_RECORDS_FILE, 'a');
const abandonRate = Number(process.env.BENCH_ABANDON_RATE || 0);
const itemNum = Number(process.env.BENCH_ITEM_NUM);
const price = Number(process.env.BENCH_ITEM_PRICE);
// e.g. wait=10: a payment that settles within 10 s is answered 200 with the order, and not polled.
const payPrefer = process.env.BENCH_PAY_PREFER || '';
const SETTLED = new Set(['PAID', 'FAILED_CUSTOMER', 'FAILED_QUANTITY', 'CANCELED']);
const MAX_POLLS = 600;
let nextBuyer = 0;

function endpointOf(method, url) {
  if (url.includes('/try-payments/')) return 'pay';
  if (method === 'GET') return 'poll';
  return 'enter';
}

function pickBuyer(context, events, done) {
  const buyer = buyers[nextBuyer++ % buyers.length];
  Object.assign(context.vars, {
    buyerNum: buyer.userNum,
    token: buyer.token,
    itemNum,
    price,
    payPrefer,
    // `ifTrue` in the scenarios reads these: 1 when the buyer goes on to order, the order number once entered.
    ordering: Math.random() < abandonRate ? 0 : 1,
    orderNum: 0,
    status: '',
    polls: 0,
    // 1 while the order is entered and not known settled: the poll step's `ifTrue`.
    pollNeeded: 0,
  });
  return done();
}

function startClock(requestParams, context, events, next) {
  context.vars.requestStartedAt = Date.now();
  return next();
}

function record(requestParams, response, context, events, next) {
  const now = Date.now();
  const endpoint = endpointOf(requestParams.method || 'GET', requestParams.url);
  let body;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = {};
  }
  const orderNum = endpoint === 'enter' && response.statusCode === 200 ? body.data.orderNum : undefined;
  fs.writeSync(records, `${JSON.stringify({ endpoint, at: now, ms: now - context.vars.requestStartedAt, status: response.statusCode, orderNum })}\n`);
  if (endpoint === 'enter' && response.statusCode === 200) context.vars.orderNum = body.data.orderNum;
  if ((endpoint === 'poll' || endpoint === 'pay') && response.statusCode === 200) context.vars.status = body.data.status;
  if (endpoint === 'poll') context.vars.polls += 1;
  context.vars.pollNeeded = context.vars.orderNum > 0 && !SETTLED.has(context.vars.status) ? 1 : 0;
  return next();
}

// A closed-model scenario loops until every buyer of the file has had one turn.
const buyersLeft = (context, next) => next(nextBuyer < buyers.length);
const waiting = (context, next) => next(context.vars.orderNum > 0 && !SETTLED.has(context.vars.status) && context.vars.polls < MAX_POLLS);

module.exports = { pickBuyer, startClock, record, waiting, buyersLeft };
