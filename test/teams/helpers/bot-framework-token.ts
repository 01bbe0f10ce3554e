/**
 * Tokens as the Bot Framework channel signs them (RS256, issuer
 * https://api.botframework.com, audience = the bot's app id, a `serviceurl`
 * claim), made with a local key so the real botbuilder validation runs against
 * a JWKS served by nock instead of login.botframework.com.
 */
import { generateKeyPairSync, sign } from 'node:crypto';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const KEY_ID = 'social-check-test-key';

export function jwks(endorsements: string[] = ['msteams']) {
  const jwk = publicKey.export({ format: 'jwk' });
  return { keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e, endorsements }] };
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function channelToken(claims: { appId: string; serviceUrl: string; issuer?: string; expiresInSeconds?: number }): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: KEY_ID };
  const payload = {
    iss: claims.issuer ?? 'https://api.botframework.com',
    aud: claims.appId,
    serviceurl: claims.serviceUrl,
    nbf: now - 60,
    iat: now - 60,
    exp: now + (claims.expiresInSeconds ?? 3600),
  };
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}
