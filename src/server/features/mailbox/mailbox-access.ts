const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Whether the local mailbox may answer this request. The socket's own address decides, never a
 * header a caller writes: the request must come from this machine. A proxy on this machine is
 * loopback too, so a request it forwarded (it says so in a forwarded header) is refused, and a Host
 * that is not a loopback name (DNS rebinding: a web page whose name now points here) is refused.
 */
export function mailboxOpenTo(req: { remoteAddress: string | undefined; headers: Record<string, string | string[] | undefined> }) {
  if (!LOOPBACK.has(req.remoteAddress ?? '')) return false;
  if (FORWARDED.some((h) => req.headers[h] !== undefined)) return false;
  const host = req.headers.host;
  return typeof host === 'string' && LOOPBACK_HOST.test(host);
}
