// Short-lived S3 credentials scoped to one upload (the STS flow): the session token carries the scope under an
// HMAC of the deployment's secret and the secret key is derived from the token, so every API process can check
// a request without a lookup, and nothing secret is stored.
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN_VERSION = 'PFSTS1';
const ACCESS_KEY_PREFIX = 'PFSTS';

export interface StsScope {
  /** the pending upload slot the bytes fill; its id becomes the file's id */
  uploadId: string;
  accountId: string;
  bucket: string;
  /** the one object key the credentials may write */
  objectKey: string;
  expiresAtMs: number;
}

export interface StsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export class StsCredentialSigner {
  constructor(private readonly secret: string) {}

  issue(scope: StsScope): StsCredentials {
    const payload = Buffer.from(JSON.stringify(scope)).toString('base64url');
    const sessionToken = `${TOKEN_VERSION}.${payload}.${this.mac('token', payload)}`;
    return {
      accessKeyId: accessKeyIdOf(scope.uploadId),
      secretAccessKey: this.secretKeyOf(sessionToken),
      sessionToken,
    };
  }

  /** The scope and secret key of a session token this deployment issued, or undefined (expiry is the caller's check). */
  open(accessKeyId: string, sessionToken: string): { scope: StsScope; secretAccessKey: string } | undefined {
    const [version, payload, mac, ...rest] = sessionToken.split('.');
    if (version !== TOKEN_VERSION || !payload || !mac || rest.length > 0) return undefined;
    if (!sameText(mac, this.mac('token', payload))) return undefined;
    let scope: StsScope;
    try {
      scope = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as StsScope;
    } catch {
      return undefined;
    }
    if (accessKeyId !== accessKeyIdOf(scope.uploadId)) return undefined;
    return { scope, secretAccessKey: this.secretKeyOf(sessionToken) };
  }

  private secretKeyOf(sessionToken: string): string {
    return this.mac('secret-key', sessionToken).slice(0, 40);
  }

  private mac(purpose: string, text: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${text}`).digest('base64url');
  }
}

/** AWS-style upper-case access key id naming the upload slot (clients never parse it). */
function accessKeyIdOf(uploadId: string): string {
  return ACCESS_KEY_PREFIX + uploadId.replace(/-/g, '').toUpperCase();
}

function sameText(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
