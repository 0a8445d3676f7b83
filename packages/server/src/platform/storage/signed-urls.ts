import { createHmac, timingSafeEqual } from 'node:crypto';

/** The query parameters of a signed URL: who it was made for, until when (Unix seconds), and the signature. */
export interface UrlSignature {
  sub: string;
  exp: string;
  sig: string;
}

export type UrlCheck = { ok: true; subject: string } | { ok: false; reason: 'INVALID' | 'EXPIRED' };

/**
 * Short-lived signed URLs (HMAC-SHA256 with a server secret): a signature binds a resource (e.g.
 * `attachment/<id>/original`), a subject (who may use it) and an expiry. Checking needs no storage; the route serving
 * the resource still checks the subject's rights at that moment. `clock` is injectable (tests move time).
 */
export class UrlSigner {
  clock: () => number = Date.now;

  constructor(
    private readonly secret: Buffer,
    /** How long a URL stays valid. */
    readonly ttlSeconds: number,
  ) {}

  sign(resource: string, subject: string): { params: UrlSignature; expiresAt: Date } {
    const exp = Math.floor(this.clock() / 1000) + this.ttlSeconds;
    return { params: { sub: subject, exp: String(exp), sig: this.mac(resource, subject, exp) }, expiresAt: new Date(exp * 1000) };
  }

  /** The subject a URL was made for, if its signature holds for `resource` and it has not expired. */
  check(resource: string, p: Partial<Record<keyof UrlSignature, unknown>>): UrlCheck {
    const { sub, exp, sig } = p;
    if (typeof sub !== 'string' || typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return { ok: false, reason: 'INVALID' };
    const expected = Buffer.from(this.mac(resource, sub, Number(exp)));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'INVALID' };
    if (Number(exp) * 1000 <= this.clock()) return { ok: false, reason: 'EXPIRED' };
    return { ok: true, subject: sub };
  }

  private mac(resource: string, subject: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`${resource}\n${subject}\n${exp}`).digest('base64url');
  }
}
