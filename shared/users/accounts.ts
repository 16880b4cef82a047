import { conflict, notFound, unauthorized } from '../errors';
import type { AccountContext } from './account-context';
import { issueAccessToken, revokeAllTokensForever, revokeTokensIssuedBefore, type UserRole } from './access-tokens';
import { readRedisClock } from '../redis-clock';
import { hashPassword, passwordMatches } from './passwords';
import { isDuplicateKey } from '../db';
import { findLiveUser, findLiveUserByEmail, insertUser, softDeleteUser, updateUser } from './user-repository';
import { userViewOf, type UserView } from './user-view';
import { CODE_TTL_SECONDS, VerificationCodes } from './verification-codes';

/** Emails a one-time code that signing up will ask for. */
export async function sendVerificationCode(ctx: AccountContext, email: string): Promise<{ email: string }> {
  const code = await new VerificationCodes(ctx.redis).issue(email);
  await ctx.mailer.send({
    to: email,
    subject: 'Your reservation-purchase verification code',
    text: `Your verification code is ${code}. It is valid for ${CODE_TTL_SECONDS / 60} minutes.`,
  });
  return { email };
}

export interface SignUp {
  name: string;
  email: string;
  password: string;
  userRole: UserRole;
  verificationCode: string;
}

/** A verified address becomes an account: the code is spent, the password stored as an argon2id hash. */
export async function signUp(ctx: AccountContext, request: SignUp): Promise<UserView> {
  if (await findLiveUserByEmail(ctx.db, request.email)) throw emailTaken();
  await new VerificationCodes(ctx.redis).consume(request.email, request.verificationCode);
  try {
    const userNum = await insertUser(ctx.db, {
      email: request.email,
      name: request.name,
      passwordHash: await hashPassword(request.password),
      role: request.userRole,
    });
    return { userNum, name: request.name, email: request.email, userRole: request.userRole };
  } catch (error) {
    if (isDuplicateKey(error)) throw emailTaken();
    throw error;
  }
}

const emailTaken = () => conflict('EMAIL_TAKEN', 'An account with this email already exists');
// One answer for an unknown address and a wrong password: nothing tells which addresses have accounts.
const badCredentials = () => unauthorized('Email or password is wrong', 'INVALID_CREDENTIALS');

export async function logIn(ctx: AccountContext, email: string, password: string) {
  const user = await findLiveUserByEmail(ctx.db, email);
  if (!(await passwordMatches(user?.password_hash, password)) || !user) throw badCredentials();
  return { ...issueAccessToken(ctx.config, { userNum: user.id, role: user.role }, await readRedisClock(ctx.redis)), ...userViewOf(user) };
}

async function liveUser(ctx: AccountContext, userNum: number) {
  const user = await findLiveUser(ctx.db, userNum);
  if (!user) throw notFound('User', 'USER_NOT_FOUND');
  return user;
}

export async function renameUser(ctx: AccountContext, userNum: number, name: string): Promise<UserView> {
  const user = await liveUser(ctx, userNum);
  await updateUser(ctx.db, userNum, { name });
  return userViewOf({ ...user, name });
}

/**
 * Needs the current password; every token issued before is void afterwards, a fresh one is returned.
 * Issue and revocation instants are both Redis's clock: with each API host's own, a token issued
 * on a host running ahead would outlive a password change made on another.
 */
export async function changePassword(ctx: AccountContext, userNum: number, currentPassword: string, password: string) {
  const user = await liveUser(ctx, userNum);
  if (!(await passwordMatches(user.password_hash, currentPassword))) {
    throw unauthorized('The current password is wrong', 'INVALID_CREDENTIALS');
  }
  const passwordHash = await hashPassword(password);
  const nowMs = await readRedisClock(ctx.redis);
  await updateUser(ctx.db, userNum, { password_hash: passwordHash, tokens_not_before: new Date(nowMs) });
  await revokeTokensIssuedBefore(ctx.redis, userNum, nowMs);
  return { ...userViewOf(user), ...issueAccessToken(ctx.config, { userNum, role: user.role }, nowMs) };
}

/** The account can't log in again and all its tokens stop working at once. */
export async function deleteAccount(ctx: AccountContext, userNum: number): Promise<UserView> {
  const user = await liveUser(ctx, userNum);
  await softDeleteUser(ctx.db, userNum);
  await revokeAllTokensForever(ctx.redis, userNum);
  return userViewOf(user);
}
