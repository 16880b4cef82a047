import argon2 from 'argon2';

// OWASP's argon2id setting (19 MiB, 2 passes, 1 lane): a login costs ~10 ms of one core, so a drop's
// login rush does not eat the cores that take orders (the library default costs several times more).
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, ARGON2_OPTIONS);

// Unknown addresses are checked against this hash so that they take as long as a wrong password.
const DUMMY_HASH = hashPassword('not-the-password-of-anyone');

export async function passwordMatches(hash: string | undefined, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash ?? (await DUMMY_HASH), password);
  } catch {
    return false;
  }
}
