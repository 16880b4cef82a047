import { useState } from 'preact/hooks';
import { call, type RequestBody, type Schema } from './api';
import { Field, FormError } from './field';
import { useAction } from './use-async';
import type { Role, Session } from './session';

const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement).value;

async function logIn(email: string, password: string): Promise<Session> {
  const user = await call<Schema<'SignedInUser'>>('POST', '/users/login', { body: { email, password } satisfies RequestBody<'logIn'> });
  return { token: user.accessToken, userNum: user.userNum, name: user.name, role: user.userRole };
}

/** Log in, or sign up with the code mailed to the address (then logged in at once). */
export function AccountPanel({ role, onSignedIn }: { role: Role; onSignedIn: (session: Session) => void }) {
  const [mode, setMode] = useState<'log-in' | 'sign-up'>('log-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const { busy, error, run } = useAction();
  const who = role === 'SELLER' ? 'seller' : 'buyer';

  const submitLogIn = (event: Event) => {
    event.preventDefault();
    void run(async () => onSignedIn(await logIn(email, password)));
  };
  const sendCode = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await call('POST', '/verification', { body: { email } satisfies RequestBody<'sendVerificationCode'> });
      setCodeSent(true);
    });
  };
  const signUp = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await call('POST', '/users/signup', { body: { name, email, password, userRole: role, verificationCode: code } satisfies RequestBody<'signUp'> });
      onSignedIn(await logIn(email, password));
    });
  };

  return (
    <section class="card account" aria-labelledby="account-title">
      <h2 id="account-title">{mode === 'log-in' ? `Log in as a ${who}` : `Sign up as a ${who}`}</h2>
      {mode === 'log-in' ? (
        <form onSubmit={submitLogIn}>
          <Field label="Email" id="login-email" type="email" autoComplete="email" required value={email} onInput={(e) => setEmail(valueOf(e))} />
          <Field label="Password" id="login-password" type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(valueOf(e))} />
          <FormError message={error} />
          <button type="submit" disabled={busy}>
            Log in
          </button>
        </form>
      ) : !codeSent ? (
        <form onSubmit={sendCode}>
          <Field label="Email" id="signup-email" type="email" autoComplete="email" required value={email} onInput={(e) => setEmail(valueOf(e))} />
          <FormError message={error} />
          <button type="submit" disabled={busy}>
            Email me a code
          </button>
        </form>
      ) : (
        <form onSubmit={signUp}>
          <p class="hint">We mailed a 6-digit code to {email}.</p>
          <Field label="Code from the mail" id="signup-code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" required value={code} onInput={(e) => setCode(valueOf(e))} />
          <Field label="Your name" id="signup-name" autoComplete="name" required value={name} onInput={(e) => setName(valueOf(e))} />
          <Field label="Password (8 characters or more)" id="signup-password" type="password" autoComplete="new-password" minLength={8} required value={password} onInput={(e) => setPassword(valueOf(e))} />
          <FormError message={error} />
          <button type="submit" disabled={busy}>
            Sign up
          </button>
        </form>
      )}
      <button type="button" class="link" onClick={() => setMode(mode === 'log-in' ? 'sign-up' : 'log-in')}>
        {mode === 'log-in' ? 'New here? Sign up' : 'Have an account? Log in'}
      </button>
    </section>
  );
}
