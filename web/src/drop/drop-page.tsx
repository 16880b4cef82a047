import { useEffect, useMemo, useState } from 'preact/hooks';
import { AccountPanel } from '../common/account-panel';
import { Announcer, announce } from '../common/announcer';
import { call, type Schema } from '../common/api';
import { learnServiceTime, useNow } from '../common/clock';
import type { ListedItem } from '../common/items';
import { loadSession, saveSession, type Session } from '../common/session';
import { SignedInBar } from '../common/signed-in-bar';
import { ItemCard } from './item-card';
import { MyOrders } from './my-orders';
import { OrderProgress, type TrackedOrder } from './order-progress';

const ITEMS_REFRESH_MS = 5000;

/** `/`: the drop page. Items with their countdowns, an account, buying, the order live, my orders. */
export function DropPage() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [items, setItems] = useState<ListedItem[]>([]);
  const [itemsProblem, setItemsProblem] = useState('');
  const [tracked, setTracked] = useState<TrackedOrder | null>(null);
  const [version, setVersion] = useState(0);
  const now = useNow();
  const refresh = () => setVersion((v) => v + 1);

  useEffect(() => {
    const load = () =>
      call<Schema<'ListedItemPage'>>('GET', '/items?size=50')
        .then((page) => {
          if (page.items[0]) learnServiceTime(page.items[0].serverTime);
          setItems(page.items);
          setItemsProblem('');
        })
        .catch(() => setItemsProblem('The items could not be loaded: retrying.'));
    void load();
    const timer = setInterval(() => void load(), ITEMS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [version]);

  const titles = useMemo(() => new Map(items.map((item) => [item.itemNum, item.title])), [items]);
  const signIn = (next: Session | null) => {
    saveSession(next);
    setSession(next);
    setTracked(null);
    announce(next ? `Signed in as ${next.name}.` : 'Signed out.');
  };

  return (
    <>
      <header class="top">
        <h1>Today's drops</h1>
        {session && <SignedInBar session={session} onLogOut={() => signIn(null)} />}
      </header>
      <Announcer />
      <main class="layout">
        <div class="side">
          {!session && <AccountPanel role="BUYER" onSignedIn={signIn} />}
          {session && tracked && <OrderProgress token={session.token} tracked={tracked} onSettled={refresh} />}
        </div>
        <section aria-labelledby="items-title" class="items">
          <h2 id="items-title">Items</h2>
          {itemsProblem && <p role="alert">{itemsProblem}</p>}
          <ul class="item-list">
            {items.map((item) => (
              <ItemCard key={item.itemNum} item={item} now={now} session={session} onOrdered={(order) => (setTracked(order), refresh())} onRefused={refresh} />
            ))}
          </ul>
        </section>
        {session && (
          <div class="below">
            <MyOrders session={session} titles={titles} version={version} onChanged={refresh} />
          </div>
        )}
      </main>
    </>
  );
}
