import { isIP } from 'node:net';
import { z } from 'zod';

/** An address or CIDR block (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrBlock(text: string): boolean {
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (version === 4 ? 32 : 128);
}

/**
 * Which forwarded headers to believe. Off by default: X-Forwarded-For is written by the caller, so
 * believing it lets anyone pick the address every per-address limit counts. A hop count trusts that
 * many proxies in front; a list trusts only requests arriving from those addresses.
 */
const trustProxySchema = z
  .string()
  .trim()
  .default('off')
  .transform((text, ctx): false | number | string[] => {
    if (text === '' || text === 'off') return false;
    if (/^\d+$/.test(text)) {
      const hops = Number(text);
      if (hops >= 1 && hops <= 10) return hops;
      ctx.addIssue({ code: 'custom', message: 'a hop count must be between 1 and 10' });
      return z.NEVER;
    }
    const list = text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = list.filter((s) => !isAddressOrBlock(s));
    if (list.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `use off, a hop count (1 for one proxy), or the proxy's addresses/CIDRs separated by commas (not understood: ${bad.join(', ') || text})`,
      });
      return z.NEVER;
    }
    return list;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().email().default('homework@carryover.localhost'),
  PUBLIC_URL: z.string().url().optional(),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `off` only for load tests on one machine: every request comes from one address there. */
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  TRUST_PROXY: trustProxySchema,
});

/**
 * TRUST_PROXY as Fastify's `trustProxy`. Fastify now refuses a bare hop count (it cannot check the
 * nearest peer), so a count becomes "trust the nearest N hops": right only when nothing can reach
 * the server except through those proxies (README, decision 019).
 */
export function trustProxyOption(value: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value;
}

export type Config = z.infer<typeof envSchema> & { publicUrl: string; production: boolean };

/** Reads the environment once at boot; a bad value stops the process with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && c.RATE_LIMITS === 'off')
    throw new Error('Invalid configuration:\n  RATE_LIMITS: cannot be off in production');
  // Links in emails and QR codes, and the cookie's Secure flag, come from PUBLIC_URL.
  if (c.NODE_ENV === 'production' && !c.PUBLIC_URL?.startsWith('https://'))
    throw new Error(`Invalid configuration:\n  PUBLIC_URL: must be your https:// address in production (got ${c.PUBLIC_URL ?? 'nothing'})`);
  return {
    ...c,
    production: c.NODE_ENV === 'production',
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
  };
}
