import { useEffect, useState } from 'preact/hooks';
import { AccountPanel } from '../common/account-panel';
import { Announcer, announce } from '../common/announcer';
import { ApiError, call, type RequestBody, type Schema } from '../common/api';
import { loadSession, saveSession, type Session } from '../common/session';
import { SignedInBar } from '../common/signed-in-bar';
import { wordsForError } from '../common/words';
import { ItemForm } from './item-form';
import { SellerItemCard } from './seller-item-card';
import type { ItemTerms, SellerItem } from './seller-items';

/** The live panels refresh this often (the issue asks for at least every 2 s). */
const LIVE_REFRESH_MS = 1000;

/** `/seller`: a seller's items (list, edit, delete) and a live panel for each item on sale. */
export function SellerPage() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [items, setItems] = useState<SellerItem[]>([]);
  const [problem, setProblem] = useState('');
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);

  useEffect(() => {
    if (!session) return undefined;
    const load = () =>
      call<Schema<'SellerItemPage'>>('GET', `/sellers/${session.userNum}/items?size=50`, { token: session.token })
        .then((page) => {
          setItems(page.items);
          setProblem('');
        })
        .catch((error: unknown) => setProblem(error instanceof ApiError ? wordsForError(error) : 'Your items could not be loaded: retrying.'));
    void load();
    const timer = setInterval(() => void load(), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [session, version]);

  const signIn = (next: Session | null) => {
    saveSession(next);
    setSession(next);
    setItems([]);
    announce(next ? `Signed in as ${next.name}.` : 'Signed out.');
  };
  const list = async (terms: ItemTerms) => {
    await call('POST', '/items', { token: session!.token, body: { sellerNum: session!.userNum, ...terms } satisfies RequestBody<'listItem'> });
    announce(`${terms.title} listed.`);
    refresh();
  };

  return (
    <>
      <header class="top">
        <h1>Seller</h1>
        {session && <SignedInBar session={session} onLogOut={() => signIn(null)} />}
      </header>
      <Announcer />
      <main class="layout">
        <div class="side">
          {session ? (
            <section class="card" aria-labelledby="list-item-heading">
              <h2 id="list-item-heading">List an item</h2>
              <ItemForm idPrefix="new-item" submitLabel="List item" onSubmit={list} />
            </section>
          ) : (
            <AccountPanel role="SELLER" onSignedIn={signIn} />
          )}
        </div>
        {session && (
          <section aria-labelledby="my-items-title" class="items">
            <h2 id="my-items-title">Your items</h2>
            {problem && <p role="alert">{problem}</p>}
            {items.length === 0 && <p>Nothing listed yet.</p>}
            <ul class="item-list">
              {items.map((item) => (
                <SellerItemCard key={item.itemNum} item={item} session={session} onChanged={refresh} />
              ))}
            </ul>
          </section>
        )}
      </main>
    </>
  );
}
