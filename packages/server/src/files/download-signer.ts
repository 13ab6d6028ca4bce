// Signs and checks output download links: HMAC-SHA256 over the path and expiry, valid for a short TTL.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.ts';

export const DOWNLOAD_PATH_PREFIX = '/v2/openapi/downloads';

export class DownloadSigner {
  constructor(
    private readonly secret: string,
    private readonly clock: Clock,
    readonly ttlSeconds: number,
  ) {}

  /** When a link signed now expires (unix seconds): the same for every link signed within one second. */
  expiresAtSecondsNow(): number {
    return Math.floor(this.clock.nowMs() / 1000) + this.ttlSeconds;
  }

  /** Path and query of a fresh link, e.g. /v2/openapi/downloads/<task>/model.glb?expires=..&signature=.. */
  signPath(taskId: string, fileName: string, expiresAtSeconds = this.expiresAtSecondsNow()): string {
    const path = `${DOWNLOAD_PATH_PREFIX}/${encodeURIComponent(taskId)}/${encodeURIComponent(fileName)}`;
    return `${path}?expires=${expiresAtSeconds}&signature=${this.signature(path, expiresAtSeconds)}`;
  }

  verify(
    taskId: string,
    fileName: string,
    expires: string | undefined,
    signature: string | undefined,
  ): 'valid' | 'expired' | 'invalid' {
    if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return 'invalid';
    const path = `${DOWNLOAD_PATH_PREFIX}/${encodeURIComponent(taskId)}/${encodeURIComponent(fileName)}`;
    const expected = Buffer.from(this.signature(path, Number(expires)));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return Number(expires) * 1000 < this.clock.nowMs() ? 'expired' : 'valid';
  }

  private signature(path: string, expiresAtSeconds: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expiresAtSeconds}`).digest('base64url');
  }
}
