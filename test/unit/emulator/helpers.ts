// Shared test helpers: sign RS512 JWTs, sign in, and call the emulator over real HTTP.
import * as crypto from 'node:crypto';
import type { PodEmulator } from '../../../src/podEmulator';

export function signJwt(claims: Record<string, unknown>, privateKeyPem: string, alg = 'RS512'): string {
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${crypto.sign('sha512', Buffer.from(head), privateKeyPem).toString('base64url')}`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export interface Res { status: number; body: any; headers: Headers }

export async function call(emu: PodEmulator, method: string, path: string, options: { headers?: Record<string, string>; body?: unknown; raw?: string } = {}): Promise<Res> {
  const res = await fetch(emu.url + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export async function signIn(emu: PodEmulator, who: 'admin' | 'user' = 'admin'): Promise<string> {
  const account = emu[who];
  const res = await call(emu, 'POST', '/login/pubkey/authenticate', { body: { token: signJwt({ sub: account.username, exp: nowSeconds() + 240 }, account.privateKeyPem) } });
  if (res.status !== 200) { throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`); }
  return res.body.token as string;
}

/** Pod call with a session token. */
export function pod(emu: PodEmulator, token: string, method: string, path: string, body?: unknown): Promise<Res> {
  return call(emu, method, path, { headers: { sessionToken: token }, body });
}

export async function bearerFor(emu: PodEmulator, token: string): Promise<string> {
  const res = await call(emu, 'POST', '/login/idm/tokens?scope=profile-manager', { headers: { sessionToken: token } });
  return res.body.access_token as string;
}

/** Profile Manager call with a bearer and the empty X-Symphony-Host the BDKs send. */
export function pm(emu: PodEmulator, bearer: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  return call(emu, method, `/profile-manager${path}`, { headers: { Authorization: `Bearer ${bearer}`, 'X-Symphony-Host': '', ...headers }, body });
}
