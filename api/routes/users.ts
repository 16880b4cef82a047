import { Router } from 'express';
import { ok } from '../../shared/http-envelope';
import { changePassword, deleteAccount, logIn, renameUser, sendVerificationCode, signUp } from '../../shared/users/accounts';
import { validate } from '../../shared/validation';
import type { ApiContext } from '../context';
import { assertSelf, authenticate } from '../middleware/authenticate';
import { bodyEmailOf, clientIpOf, rateLimited } from '../middleware/rate-limit';
import { changePasswordSchema, logInSchema, renameSchema, signUpSchema, userPathSchema, verificationSchema } from '../request-schemas/users';

/** The window of the verification and login limits (AUTH_RATE_LIMIT_PER_IP, LOGIN_ATTEMPTS_PER_ADDRESS). */
const AUTH_RATE_WINDOW_SECONDS = 15 * 60;

/** Accounts: verification, signup and login are public; the rest only for the account itself. */
export function userRoutes(ctx: ApiContext): Router {
  const router = Router();
  const signedIn = authenticate(ctx.config, ctx.redis);
  const { perIp, loginPerAddress } = ctx.config.authRateLimits;
  const verificationPerIp = rateLimited(ctx.redis, { name: 'verification-ip', points: perIp, durationSeconds: AUTH_RATE_WINDOW_SECONDS }, clientIpOf);
  const loginPerIp = rateLimited(ctx.redis, { name: 'login-ip', points: perIp, durationSeconds: AUTH_RATE_WINDOW_SECONDS }, clientIpOf);
  const loginPerEmail = rateLimited(ctx.redis, { name: 'login-email', points: loginPerAddress, durationSeconds: AUTH_RATE_WINDOW_SECONDS }, bodyEmailOf);

  // Per address, verification mails are limited by the one-a-minute cooldown of the code itself.
  router.post('/verification', verificationPerIp, async (req, res) => {
    const body = validate(verificationSchema, req.body);
    res.json(ok('Verification code sent', await sendVerificationCode(ctx, body.email)));
  });

  router.post('/users/signup', async (req, res) => {
    res.json(ok('User created', await signUp(ctx, validate(signUpSchema, req.body))));
  });

  router.post('/users/login', loginPerIp, loginPerEmail, async (req, res) => {
    const body = validate(logInSchema, req.body);
    res.json(ok('Logged in', await logIn(ctx, body.email, body.password)));
  });

  router.put('/users/update/password/:userNum', signedIn, async (req, res) => {
    const { userNum } = validate(userPathSchema, req.params);
    assertSelf(req, userNum);
    const body = validate(changePasswordSchema, req.body);
    res.json(ok('Password changed', await changePassword(ctx, userNum, body.currentPassword, body.password)));
  });

  router.put('/users/update/:userNum', signedIn, async (req, res) => {
    const { userNum } = validate(userPathSchema, req.params);
    assertSelf(req, userNum);
    res.json(ok('User updated', await renameUser(ctx, userNum, validate(renameSchema, req.body).name)));
  });

  router.delete('/users/delete/:userNum', signedIn, async (req, res) => {
    const { userNum } = validate(userPathSchema, req.params);
    assertSelf(req, userNum);
    res.json(ok('User deleted', await deleteAccount(ctx, userNum)));
  });

  return router;
}
