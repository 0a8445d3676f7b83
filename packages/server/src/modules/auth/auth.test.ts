import argon2 from 'argon2';
import { SignJWT, base64url } from 'jose';
import { generateSigningKeys } from '../../platform/auth/keys';
import { TokenService } from '../../platform/auth/tokens';
import { createUser, login, PASSWORD, signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t } = useTestApp();

const ME = '{ me { id email role } }';
const REFRESH = `mutation($t: String!) {
  refreshSession(refreshToken: $t) { accessToken refreshToken user { id } errors { field code message } }
}`;
const code = (r: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => r.body.errors?.[0]?.extensions?.code;

describe('login', () => {
  it('signs in with the right password, case-insensitive e-mail', async () => {
    const user = await createUser(t.ds, { role: 'SALES', email: 'Pat.Doe@Example.com' });
    const r = await login(t, 'pat.doe@EXAMPLE.com');
    expect(r.errors).toEqual([]);
    expect(r.accessToken).toMatch(/^ey/);
    expect(r.refreshToken).toMatch(/^rt_/);
    const me = await t.gql(ME, {}, r.accessToken!);
    expect(me.body.data.me).toMatchObject({ email: user.email, role: 'SALES' });
  });

  it('gives the same error for an unknown e-mail and a wrong password, after the same argon2id work', async () => {
    const user = await createUser(t.ds);
    // What each login verified: the hash's parameters tell the work (an unknown e-mail is checked against a dummy hash
    // of the same cost, so it cannot be told apart by answering faster). Counted, not timed.
    const verify = jest.spyOn(argon2, 'verify');
    const work = async (email: string) => {
      verify.mockClear();
      const r = await login(t, email, 'not the password');
      expect(r.accessToken).toBeNull();
      expect(r.errors).toEqual([{ field: null, code: 'INVALID_CREDENTIALS', message: 'E-mail or password is incorrect.' }]);
      return verify.mock.calls.map(([hash]) => hash.split('$').slice(1, 4).join('$'));
    };
    try {
      const wrong = await work(user.email);
      expect(wrong).toEqual(['argon2id$v=19$m=19456,t=2,p=1']);
      expect(await work('nobody@example.com')).toEqual(wrong);
      expect(await work('nobody.else@example.com')).toEqual(wrong);
    } finally {
      verify.mockRestore();
    }
  });

  it('refuses a deactivated user', async () => {
    const user = await createUser(t.ds, { active: false });
    const r = await login(t, user.email);
    expect(r.errors[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('stores passwords as argon2id at OWASP parameters', async () => {
    const user = await createUser(t.ds);
    const [row] = await t.ds.query('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('refresh rotation', () => {
  it('trades a refresh token for a new pair, once', async () => {
    const s = await signedIn(t, 'SALES');
    const first = await t.gql(REFRESH, { t: s.refreshToken });
    const rotated = first.body.data.refreshSession;
    expect(rotated.errors).toEqual([]);
    expect(rotated.refreshToken).not.toBe(s.refreshToken);
    expect(rotated.accessToken).not.toBe(s.accessToken);
    expect((await t.gql(ME, {}, rotated.accessToken)).body.data.me.id).toBe(s.id);

    const second = await t.gql(REFRESH, { t: rotated.refreshToken });
    expect(second.body.data.refreshSession.errors).toEqual([]);
  });

  it('revokes the whole family when a used refresh token comes back', async () => {
    const s = await signedIn(t, 'SALES');
    const r1 = (await t.gql(REFRESH, { t: s.refreshToken })).body.data.refreshSession;
    expect(r1.errors).toEqual([]);

    // An attacker replays the first token: refused, and the session family is revoked.
    const replay = (await t.gql(REFRESH, { t: s.refreshToken })).body.data.refreshSession;
    expect(replay.accessToken).toBeNull();
    expect(replay.errors[0]).toMatchObject({ code: 'INVALID_SESSION', field: ['refreshToken'] });

    // The legitimate, newer token of the family no longer works either, nor does its access token.
    const legit = (await t.gql(REFRESH, { t: r1.refreshToken })).body.data.refreshSession;
    expect(legit.errors[0].code).toBe('INVALID_SESSION');
    const me = await t.gql(ME, {}, r1.accessToken);
    expect(code(me)).toBe('UNAUTHENTICATED');
    expect(me.status).toBe(401);
    const [row] = await t.ds.query(
      `SELECT s.revoked_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`,
      [s.user.email],
    );
    expect(row.revoked_reason).toBe('refresh_reuse');
  });

  it('rejects unknown refresh tokens', async () => {
    const r = (await t.gql(REFRESH, { t: 'rt_nonsense' })).body.data.refreshSession;
    expect(r.errors[0].code).toBe('INVALID_SESSION');
  });
});

describe('access tokens', () => {
  const claims = (s: { user: { id: string } }) => ({ sid: '00000000-0000-4000-8000-000000000000', sub: s.user.id });

  async function forge(opts: { typ?: string; aud?: string; iss?: string; exp?: number; key?: ReturnType<typeof generateSigningKeys>; sid?: string; sub: string }) {
    const key = opts.key ?? t.keys;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ sid: opts.sid })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: opts.typ ?? 'at+jwt' })
      .setIssuer(opts.iss ?? t.config.jwt.issuer)
      .setAudience(opts.aud ?? t.config.jwt.audience)
      .setSubject(opts.sub)
      .setIssuedAt(now - 60)
      .setExpirationTime(opts.exp ?? now + 600)
      .sign(key.privateKey);
  }

  it('accepts a well-formed token for a live session (control)', async () => {
    const s = await signedIn(t, 'SALES');
    const [{ id: sid }] = await t.ds.query('SELECT id FROM sessions WHERE user_id = $1', [s.user.id]);
    const token = await forge({ sub: s.user.id, sid });
    expect((await t.gql(ME, {}, token)).body.data.me.id).toBe(s.id);
  });

  it.each([
    ['expired', { exp: Math.floor(Date.now() / 1000) - 120 }],
    ['wrong typ', { typ: 'JWT' }],
    ['refresh typ', { typ: 'rt+jwt' }],
    ['wrong audience', { aud: 'someone-else' }],
    ['wrong issuer', { iss: 'evil' }],
    ['signed by another key', { key: generateSigningKeys() }],
  ])('rejects a token that is %s', async (_name, opts) => {
    const s = await signedIn(t, 'SALES');
    const [{ id: sid }] = await t.ds.query('SELECT id FROM sessions WHERE user_id = $1', [s.user.id]);
    const token = await forge({ ...claims(s), sid, ...opts });
    const r = await t.gql(ME, {}, token);
    expect(r.status).toBe(401);
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(r.body.data).toBeUndefined();
  });

  it('remembers a verified token only until it expires', async () => {
    const tokens = new TokenService(t.keys, { ...t.config.jwt, accessTtlSeconds: 60 });
    const issued = Date.now();
    const { token } = await tokens.issueAccessToken('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', new Date(issued));
    const first = await tokens.verifyAccessToken(token, issued);
    expect(await tokens.verifyAccessToken(token, issued + 1_000)).toBe(first); // from memory
    await expect(tokens.verifyAccessToken(token, issued + 66_000)).rejects.toThrow(); // past exp + 5 s tolerance
    const [h, p, sig] = token.split('.');
    // flip the first character: it carries six whole bits of the MAC (the last one carries padding bits too,
    // and a signature may already end in the replacement)
    const flipped = `${sig![0] === 'A' ? 'B' : 'A'}${sig!.slice(1)}`;
    await expect(tokens.verifyAccessToken([h, p, flipped].join('.'), issued)).rejects.toThrow();
  });

  it('rejects a tampered token', async () => {
    const s = await signedIn(t, 'SALES');
    const [h, p, sig] = s.accessToken.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const admin = await createUser(t.ds, { role: 'ADMIN' });
    const tampered = [h, base64url.encode(JSON.stringify({ ...payload, sub: admin.id })), sig].join('.');
    expect(code(await t.gql(ME, {}, tampered))).toBe('UNAUTHENTICATED');
  });

  it('rejects alg "none"', async () => {
    const s = await signedIn(t, 'SALES');
    const payload = JSON.parse(Buffer.from(s.accessToken.split('.')[1]!, 'base64url').toString());
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: t.keys.kid }));
    const unsigned = `${header}.${base64url.encode(JSON.stringify(payload))}.`;
    expect(code(await t.gql(ME, {}, unsigned))).toBe('UNAUTHENTICATED');
  });

  it('never accepts a refresh token as an access token', async () => {
    const s = await signedIn(t, 'SALES');
    expect(code(await t.gql(ME, {}, s.refreshToken))).toBe('UNAUTHENTICATED');
  });

  it('rejects a malformed Authorization header', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: ME }),
    });
    expect(res.status).toBe(401);
  });
});

describe('logout, password change and deactivation', () => {
  it('logout ends the session: access and refresh tokens stop working', async () => {
    const s = await signedIn(t, 'SALES');
    const out = await t.gql('mutation { logout { loggedOut errors { code } } }', {}, s.accessToken);
    expect(out.body.data.logout).toEqual({ loggedOut: true, errors: [] });
    expect(code(await t.gql(ME, {}, s.accessToken))).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { t: s.refreshToken })).body.data.refreshSession.errors[0].code).toBe('INVALID_SESSION');
  });

  it('logout by refresh token works without an access token', async () => {
    const s = await signedIn(t, 'SALES');
    const out = await t.gql('mutation($t: String) { logout(refreshToken: $t) { loggedOut } }', { t: s.refreshToken });
    expect(out.body.data.logout.loggedOut).toBe(true);
    expect(code(await t.gql(ME, {}, s.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const user = await createUser(t.ds);
    const a = await login(t, user.email);
    const b = await login(t, user.email);
    const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { changed errors { field code } } }`;
    const wrong = await t.gql(CHANGE, { i: { currentPassword: 'nope', newPassword: 'another long passphrase' } }, a.accessToken!);
    expect(wrong.body.data.changePassword).toEqual({ changed: false, errors: [{ field: ['currentPassword'], code: 'INVALID_CREDENTIALS' }] });
    const short = await t.gql(CHANGE, { i: { currentPassword: PASSWORD, newPassword: 'short' } }, a.accessToken!);
    expect(short.body.data.changePassword.errors[0]).toEqual({ field: ['newPassword'], code: 'INVALID' });

    const ok = await t.gql(CHANGE, { i: { currentPassword: PASSWORD, newPassword: 'another long passphrase' } }, a.accessToken!);
    expect(ok.body.data.changePassword).toEqual({ changed: true, errors: [] });
    expect((await t.gql(ME, {}, a.accessToken!)).body.data.me).not.toBeNull();
    expect(code(await t.gql(ME, {}, b.accessToken!))).toBe('UNAUTHENTICATED');
    expect((await login(t, user.email)).errors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await login(t, user.email, 'another long passphrase')).errors).toEqual([]);
  });

  it('deactivation rejects the user at once: access token, refresh token and login', async () => {
    const admin = await signedIn(t, 'ADMIN');
    const s = await signedIn(t, 'FIELD_TECH');
    const r = await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { user { active } errors { code } } }', { id: s.id }, admin.accessToken);
    expect(r.body.data.deactivateUser).toEqual({ user: { active: false }, errors: [] });
    expect(code(await t.gql(ME, {}, s.accessToken))).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { t: s.refreshToken })).body.data.refreshSession.errors[0].code).toBe('INVALID_SESSION');
    expect((await login(t, s.user.email)).errors[0].code).toBe('INVALID_CREDENTIALS');

    const back = await t.gql('mutation($id: ID!) { reactivateUser(id: $id) { user { active } } }', { id: s.id }, admin.accessToken);
    expect(back.body.data.reactivateUser.user.active).toBe(true);
    expect((await login(t, s.user.email)).errors).toEqual([]);
  });
});
