import argon2 from 'argon2';

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

// Unknown addresses are checked against this hash so that they take as long as a wrong password.
const DUMMY_HASH = hashPassword('not-the-password-of-anyone');

export async function passwordMatches(hash: string | undefined, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash ?? (await DUMMY_HASH), password);
  } catch {
    return false;
  }
}
