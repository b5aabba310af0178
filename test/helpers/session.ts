/**
 * Signing in the way the browser does: POST /auth/login, then the session cookie on every request
 * and the CSRF token on unsafe ones (api.md "Auth").
 */
import { makeClient, type Client, type TestApp } from './app.js';

export interface Session {
  userId: string;
  api: Client;
}

/** Signs in with email and password; throws unless the login answers 200. */
export async function signIn(t: TestApp, email: string, password: string): Promise<Session> {
  const res = await t.client().post('/auth/login', { email, password });
  if (res.status !== 200) {
    throw new Error(`sign-in of ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const raw = res.headers['set-cookie'];
  const cookie = String(Array.isArray(raw) ? raw[0] : raw).split(';')[0]!;
  return {
    userId: res.body.user.id as string,
    api: makeClient(t.app, { cookie, 'x-csrf-token': res.body.csrfToken as string }),
  };
}
