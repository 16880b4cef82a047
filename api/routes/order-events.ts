import { Router } from 'express';
import { OrderFollower } from '../../shared/orders/follow-order';
import { validate } from '../../shared/validation';
import type { ApiContext } from '../context';
import { EventStream } from '../event-stream';
import { releaseOpenStream } from '../release-open-stream';
import { authenticate, principalOf, requireRole } from '../middleware/authenticate';
import { orderEventsHeadersSchema, orderPathSchema } from '../request-schemas/orders';

/**
 * GET /orders/{orderNum}/events: the order's changes as server-sent events, to its owner (DESIGN §9).
 * The token comes in the Authorization header only (a browser reads the stream with fetch), never
 * in the URL, where logs and proxies would keep it.
 */
export function orderEventRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get('/orders/:orderNum/events', authenticate(ctx.config, ctx.redis), requireRole('BUYER'), async (req, res) => {
    const { orderNum } = validate(orderPathSchema, req.params);
    const { 'Last-Event-ID': seenVersion } = validate(orderEventsHeadersSchema, { 'Last-Event-ID': req.get('Last-Event-ID') }, 'Last-Event-ID');
    const { userNum } = principalOf(req);
    const slot = await ctx.watchQuota.take(userNum);
    const stream = new EventStream(res, ctx.streamEndings);
    let follower: OrderFollower | undefined;
    // A client that goes away frees its place at once: no watcher, no quota slot left.
    const letGo = () => {
      follower?.close();
      ctx.openWatches.letGo(stream);
      slot.giveBack();
    };
    res.on('close', letGo);
    if (res.closed) return letGo();
    try {
      follower = await OrderFollower.open(ctx, orderNum, userNum, seenVersion);
    } catch (error) {
      slot.giveBack();
      throw error;
    }
    if (res.closed) return follower.close();
    stream.open();
    ctx.openWatches.hold(stream);
    follower.start(stream);
    // The handler returns while the stream lives on (in the feed and the socket).
    releaseOpenStream(req, res);
  });

  return router;
}
