import { expect } from 'chai';
import { createTokenVerifier, issueAccessToken } from '../shared/users/access-tokens';

const secret = 'unit-test-secret-long-enough';

describe('Access tokens (no I/O)', () => {
  it('When a token expires, it is refused even though it was verified, and cached, moments before', () => {
    const issuedAt = Date.now();
    let now = issuedAt;
    const verify = createTokenVerifier(secret, () => now);
    const { accessToken } = issueAccessToken({ jwtSecret: secret, jwtExpiresInSeconds: 2 }, { userNum: 7, role: 'BUYER' }, issuedAt);

    expect(verify(accessToken)).to.deep.equal({ userNum: 7, role: 'BUYER', issuedAtMs: issuedAt });
    // JWT expiry has whole seconds: a 2 s token issued at any instant of a second lives more than 1 s.
    now = issuedAt + 1000;
    expect(verify(accessToken).userNum).to.equal(7);
    now = issuedAt + 2000;
    expect(() => verify(accessToken)).to.throw(/expired/);
  });

  it('When a token is signed with another key, or tampered with, it is refused', () => {
    const verify = createTokenVerifier(secret);
    const { accessToken } = issueAccessToken({ jwtSecret: 'another-secret-long-enough', jwtExpiresInSeconds: 60 }, { userNum: 7, role: 'BUYER' });
    expect(() => verify(accessToken)).to.throw();
    const good = issueAccessToken({ jwtSecret: secret, jwtExpiresInSeconds: 60 }, { userNum: 7, role: 'BUYER' }).accessToken;
    const [header, , signature] = good.split('.');
    const sellerClaims = Buffer.from(JSON.stringify({ sub: '7', role: 'SELLER', iatMs: Date.now() })).toString('base64url');
    expect(() => verify(`${header}.${sellerClaims}.${signature}`)).to.throw();
  });
});
