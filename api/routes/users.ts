import { Router } from 'express';
import Joi from 'joi';
import { ok } from '../../shared/http-envelope';
import { changePassword, deleteAccount, logIn, renameUser, sendVerificationCode, signUp, type SignUp } from '../../shared/users/accounts';
import { idSchema, validate } from '../../shared/validation';
import type { ApiContext } from '../context';
import { assertSelf, authenticate } from '../middleware/authenticate';
import { bodyEmailOf, clientIpOf, rateLimited } from '../middleware/rate-limit';

/** The window of the verification and login limits (AUTH_RATE_LIMIT_PER_IP, LOGIN_ATTEMPTS_PER_ADDRESS). */
const AUTH_RATE_WINDOW_SECONDS = 15 * 60;

// Syntax and length only: the emailed code proves the address works. Joi's bundled TLD list would
// refuse the reserved test domains (RFC 2606/6761) and every TLD delegated after it was frozen.
const email = Joi.string().trim().lowercase().email({ tlds: false }).max(254);
const password = Joi.string().min(8).max(128);
const name = Joi.string().trim().min(1).max(100);

const verificationSchema = Joi.object({ email: email.required() });
const signUpSchema = Joi.object<SignUp>({
  name: name.required(),
  email: email.required(),
  password: password.required(),
  userRole: Joi.string().valid('SELLER', 'BUYER').required(),
  verificationCode: Joi.string().trim().pattern(/^\d{6}$/).required(),
});
const logInSchema = Joi.object({ email: email.required(), password: Joi.string().max(128).required() });
const renameSchema = Joi.object({ name: name.required() });
const changePasswordSchema = Joi.object({ currentPassword: Joi.string().max(128).required(), password: password.required() });
const userPathSchema = Joi.object({ userNum: idSchema.required() });

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
