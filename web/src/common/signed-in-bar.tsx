import type { Session } from './session';

/** Who is signed in, and the way out. */
export function SignedInBar({ session, onLogOut }: { session: Session; onLogOut: () => void }) {
  return (
    <div class="signed-in">
      <span>
        Signed in as <strong>{session.name}</strong>
      </span>
      <button type="button" class="secondary" onClick={onLogOut}>
        Log out
      </button>
    </div>
  );
}
