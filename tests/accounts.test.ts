import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import type { RunningApi } from '../api/server';
import { redisKeys } from '../shared/redis-keys';
import { issueAccessToken } from '../shared/users/access-tokens';
import { startTestApi } from './support/api';
import { TestSmtpServer } from './support/smtp';
import { waitFor } from './support/wait';
import { isolateTestFile } from './support/isolation';

describe('Accounts: email-verified signup, login and self-service', () => {
  isolateTestFile(__filename);
  let api: RunningApi;
  let smtp: TestSmtpServer;

  before(async () => {
    smtp = new TestSmtpServer();
    api = await startTestApi({ SMTP_URL: await smtp.start() });
  });
  after(async () => {
    await api.stop();
    await smtp.stop();
  });

  const newEmail = () => `buyer-${randomUUID()}@example.com`;
  const requestCode = (email: string) => request(api.url).post('/api/v1/verification').send({ email });
  const signUp = (body: Record<string, unknown>) => request(api.url).post('/api/v1/users/signup').send(body);
  const logIn = (email: string, password: string) => request(api.url).post('/api/v1/users/login').send({ email, password });
  const verifiedCode = async (email: string) => {
    await requestCode(email).expect(200);
    return smtp.codeFor(email);
  };
  const account = async (role = 'BUYER') => {
    const email = newEmail();
    const password = 'correct horse battery';
    const signed = await signUp({ name: 'Kim', email, password, userRole: role, verificationCode: await verifiedCode(email) }).expect(200);
    const token = (await logIn(email, password).expect(200)).body.data.accessToken as string;
    return { email, password, token, userNum: signed.body.data.userNum as number };
  };

  it('When a person verifies an address, signs up, logs in, renames, changes password and deletes the account, each step works and old tokens die', async () => {
    const email = newEmail();
    const sent = await requestCode(` ${email.toUpperCase()} `).expect(200);
    expect(sent.body).to.deep.equal({ status: 'OK', message: 'Verification code sent', data: { email } });
    const code = await smtp.codeFor(email);

    const signed = await signUp({ name: 'Kim', email, password: 'first password', userRole: 'SELLER', verificationCode: code }).expect(200);
    expect(signed.body.data).to.include({ name: 'Kim', email, userRole: 'SELLER' });
    const userNum = signed.body.data.userNum;
    const row = await api.ctx.db('users').where({ id: userNum }).first();
    expect(row.password_hash).to.match(/^\$argon2id\$/);

    const login = await logIn(email, 'first password').expect(200);
    expect(login.body.data).to.include({ tokenType: 'Bearer', userNum, userRole: 'SELLER' });
    const firstToken = login.body.data.accessToken;

    const renamed = await request(api.url).put(`/api/v1/users/update/${userNum}`).set('Authorization', `Bearer ${firstToken}`).send({ name: 'Kim Seller' }).expect(200);
    expect(renamed.body.data).to.include({ userNum, name: 'Kim Seller', email });

    const changed = await request(api.url)
      .put(`/api/v1/users/update/password/${userNum}`)
      .set('Authorization', `Bearer ${firstToken}`)
      .send({ currentPassword: 'first password', password: 'second password' })
      .expect(200);
    const secondToken = changed.body.data.accessToken;
    const stale = await request(api.url).put(`/api/v1/users/update/${userNum}`).set('Authorization', `Bearer ${firstToken}`).send({ name: 'x' }).expect(401);
    expect(stale.body.code).to.equal('TOKEN_REVOKED');
    await logIn(email, 'first password').expect(401);
    await logIn(email, 'second password').expect(200);

    await request(api.url).delete(`/api/v1/users/delete/${userNum}`).set('Authorization', `Bearer ${secondToken}`).expect(200);
    await logIn(email, 'second password').expect(401);
    const dead = await request(api.url).put(`/api/v1/users/update/${userNum}`).set('Authorization', `Bearer ${secondToken}`).send({ name: 'x' }).expect(401);
    expect(dead.body.code).to.equal('ACCOUNT_DELETED');
    expect((await api.ctx.db('users').where({ id: userNum }).first()).deleted_at).not.to.equal(null);
  });

  it('When a deleted account\'s address signs up again, it gets a new account', async () => {
    const first = await account();
    await request(api.url).delete(`/api/v1/users/delete/${first.userNum}`).set('Authorization', `Bearer ${first.token}`).expect(200);
    await api.ctx.redis.del(redisKeys.verificationCooldown(first.email));
    const again = await signUp({ name: 'Kim', email: first.email, password: first.password, userRole: 'BUYER', verificationCode: await verifiedCode(first.email) }).expect(200);
    expect(again.body.data.userNum).not.to.equal(first.userNum);
  });

  it('When the code is wrong, signup is refused with 400 and no account is made', async () => {
    const email = newEmail();
    const code = await verifiedCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const res = await signUp({ name: 'Kim', email, password: 'long enough', userRole: 'BUYER', verificationCode: wrong }).expect(400);
    expect(res.body.code).to.equal('VERIFICATION_CODE_INVALID');
    expect(await api.ctx.db('users').where({ email }).first()).to.equal(undefined);
  });

  it('When the code has expired, signup is refused even with the right code', async () => {
    const email = newEmail();
    const code = await verifiedCode(email);
    await api.ctx.redis.pexpire(redisKeys.verificationCode(email), 1);
    await waitFor('the code to expire', async () => (await api.ctx.redis.exists(redisKeys.verificationCode(email))) === 0);
    const res = await signUp({ name: 'Kim', email, password: 'long enough', userRole: 'BUYER', verificationCode: code }).expect(400);
    expect(res.body.code).to.equal('VERIFICATION_CODE_INVALID');
  });

  it('When five wrong codes were tried, the sixth attempt is refused even with the right code', async () => {
    const email = newEmail();
    const code = await verifiedCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt++) {
      await signUp({ name: 'Kim', email, password: 'long enough', userRole: 'BUYER', verificationCode: wrong }).expect(400);
    }
    const res = await signUp({ name: 'Kim', email, password: 'long enough', userRole: 'BUYER', verificationCode: code }).expect(400);
    expect(res.body.code).to.equal('VERIFICATION_ATTEMPTS_EXCEEDED');
  });

  it('When a code is requested again within a minute, the answer is 429 with Retry-After', async () => {
    const email = newEmail();
    await requestCode(email).expect(200);
    const res = await requestCode(email).expect(429);
    expect(res.body).to.include({ status: 'TOO_MANY_REQUESTS', code: 'VERIFICATION_TOO_SOON' });
    expect(Number(res.headers['retry-after'])).to.be.within(1, 60);
  });

  it('When the role is not SELLER or BUYER, or fields are missing, signup is 400 naming the fields', async () => {
    const res = await signUp({ name: '', email: 'not-an-email', password: 'short', userRole: 'ADMIN', verificationCode: '12' }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).to.have.members(['name', 'email', 'password', 'userRole', 'verificationCode']);
  });

  it('When an address is at a reserved test domain or a top-level domain newer than any bundled list, verification, signup and login accept it', async () => {
    const id = randomUUID().slice(0, 8);
    for (const email of [`kim-${id}@example.test`, `kim-${id}@shop.localhost`, `kim-${id}@mail.invalid`, `kim-${id}@drop.zz-newly-delegated`]) {
      const code = await verifiedCode(email);
      await signUp({ name: 'Kim', email, password: 'long enough', userRole: 'BUYER', verificationCode: code }).expect(200);
      expect((await logIn(email, 'long enough').expect(200)).body.data).to.include({ email });
    }
  });

  it('When an address is malformed or longer than an address may be, verification, signup and login refuse it with 400 naming the field', async () => {
    const tooLongLocalPart = `${'k'.repeat(65)}@example.test`;
    const tooLong = `kim@${Array(5).fill('d'.repeat(60)).join('.')}.test`;
    for (const email of ['kim', 'kim@', 'kim@@example.test', 'kim@example..test', 'kim lee@example.test', 'kim@localhost', tooLongLocalPart, tooLong]) {
      const refusals = [
        await requestCode(email).expect(400),
        await signUp({ name: 'Kim', email, password: 'long enough', userRole: 'BUYER', verificationCode: '123456' }).expect(400),
        await logIn(email, 'long enough').expect(400),
      ];
      for (const res of refusals) expect(new Set(res.body.errors.map((e: { field: string }) => e.field)), email).to.deep.equal(new Set(['email']));
    }
  });

  it('When the address already has an account, signup is 409 EMAIL_TAKEN', async () => {
    const existing = await account();
    await api.ctx.redis.del(redisKeys.verificationCooldown(existing.email));
    const res = await signUp({ name: 'Kim', email: existing.email, password: 'long enough', userRole: 'BUYER', verificationCode: await verifiedCode(existing.email) }).expect(409);
    expect(res.body.code).to.equal('EMAIL_TAKEN');
  });

  it('When the password is wrong or the address unknown, login gives the same 401', async () => {
    const existing = await account();
    const wrongPassword = await logIn(existing.email, 'not the password').expect(401);
    const unknown = await logIn(newEmail(), 'not the password').expect(401);
    expect(wrongPassword.body).to.deep.equal(unknown.body);
  });

  it('When a password change gives a wrong current password, it is refused and the password stays', async () => {
    const me = await account();
    await request(api.url)
      .put(`/api/v1/users/update/password/${me.userNum}`)
      .set('Authorization', `Bearer ${me.token}`)
      .send({ currentPassword: 'wrong wrong', password: 'a new password' })
      .expect(401);
    await logIn(me.email, me.password).expect(200);
  });

  it("When someone updates, changes the password of or deletes another user's account, the answer is 403", async () => {
    const me = await account();
    const other = await account();
    const as = (test: request.Test) => test.set('Authorization', `Bearer ${me.token}`);
    await as(request(api.url).put(`/api/v1/users/update/${other.userNum}`)).send({ name: 'hacked' }).expect(403);
    await as(request(api.url).put(`/api/v1/users/update/password/${other.userNum}`)).send({ currentPassword: other.password, password: 'hacked password' }).expect(403);
    await as(request(api.url).delete(`/api/v1/users/delete/${other.userNum}`)).expect(403);
    await logIn(other.email, other.password).expect(200);
  });

  it('When the token is missing, malformed or signed with another key, the answer is 401', async () => {
    const me = await account();
    await request(api.url).put(`/api/v1/users/update/${me.userNum}`).send({ name: 'x' }).expect(401);
    await request(api.url).put(`/api/v1/users/update/${me.userNum}`).set('Authorization', 'Bearer not.a.token').send({ name: 'x' }).expect(401);
    const [header, payload] = me.token.split('.');
    await request(api.url).put(`/api/v1/users/update/${me.userNum}`).set('Authorization', `Bearer ${header}.${payload}.forged`).send({ name: 'x' }).expect(401);
  });

  it('When a token has expired, it is refused with 401 INVALID_TOKEN', async () => {
    const me = await account();
    const twoHoursAgo = Date.now() - 2 * 3_600_000;
    const expired = issueAccessToken(api.ctx.config, { userNum: me.userNum, role: 'BUYER' }, twoHoursAgo).accessToken;
    const refused = await request(api.url).put(`/api/v1/users/update/${me.userNum}`).set('Authorization', `Bearer ${expired}`).send({ name: 'Lee' }).expect(401);
    expect(refused.body.code).to.equal('INVALID_TOKEN');
  });
});
