import type { SellerItem } from './seller-items';

const rateWords = (rate: number | null) => (rate === null ? 'not yet' : `${rate} / s`);

/** An item's sale as it happens: refreshed with the list, every LIVE_REFRESH_MS. */
export function LivePanel({ item }: { item: SellerItem }) {
  const figures: [string, string, string | number][] = [
    ['stock', 'Stock left', item.stock],
    ['line', 'Waiting in line', item.live.lineLength],
    ['in-flight', 'Units in flight', item.live.unitsInFlight],
    ['paid', 'Paid orders', item.live.paidOrders],
    ['failed', 'Failed orders', item.live.failedOrders],
    ['drain', 'Drain rate', rateWords(item.live.drainRatePerSecond)],
  ];
  return (
    <section class="live" aria-label={`Live figures of ${item.title}`} data-testid="live-panel">
      <dl class="facts">
        {figures.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`live-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
