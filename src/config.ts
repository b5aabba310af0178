/** Process configuration, read once from the environment. */
import { readFileSync } from 'node:fs';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** create the demo organization in an empty database */
  demo: boolean;
  production: boolean;
  /** a session ends after this long without a request */
  sessionIdleMs: number;
  /** a session ends this long after sign-in, whatever happens */
  sessionAbsoluteMs: number;
  /** mark cookies Secure (set when served over HTTPS) */
  secureCookies: boolean;
  bodyLimitBytes: number;
  version: string;
  /** login failures allowed per account / per address inside the window */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginWindowMs: number;
  poolSize: number;
  /** how long the dashboard and alignment responses are kept (ms); 0 = not cached */
  readCacheMs: number;
  /** memory for kept plan reads (MB; see plans/plan-cache.ts); 0 = not kept */
  planCacheMb: number;
  /** whether `polaris serve` computes alignment maps on a thread of their own */
  alignmentThread: boolean;
  /** whether `polaris serve` runs the scheduled jobs (the weekly check-in reminders) */
  jobs: boolean;
  logLevel: string;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function int(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) ? n : fallback;
}

/** Reads the configuration from `env` (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL,
    demo: env.POLARIS_DEMO !== 'false' && !production,
    production,
    sessionIdleMs: int(env.POLARIS_SESSION_IDLE_MINUTES, 12 * 60) * 60_000,
    sessionAbsoluteMs: int(env.POLARIS_SESSION_MAX_HOURS, 7 * 24) * 3_600_000,
    secureCookies: env.POLARIS_SECURE_COOKIES === 'true',
    bodyLimitBytes: int(env.POLARIS_BODY_LIMIT, 256 * 1024),
    version: readVersion(),
    loginMaxFailuresPerAccount: int(env.POLARIS_LOGIN_MAX_FAILURES, 5),
    loginMaxFailuresPerAddress: int(env.POLARIS_LOGIN_MAX_FAILURES_PER_ADDRESS, 30),
    loginWindowMs: int(env.POLARIS_LOGIN_WINDOW_MINUTES, 15) * 60_000,
    poolSize: int(env.POLARIS_POOL_SIZE, 10),
    readCacheMs: int(env.POLARIS_READ_CACHE_MS, production ? 2_000 : 0),
    planCacheMb: int(env.POLARIS_PLAN_CACHE_MB, 64),
    alignmentThread: env.POLARIS_ALIGNMENT_THREAD !== 'false',
    jobs: env.POLARIS_JOBS !== 'false',
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'warn'),
  };
}
