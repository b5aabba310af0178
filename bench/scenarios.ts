/**
 * The HTTP scenarios, driven by autocannon against the server process: plan reads, the company
 * dashboard, the whole-cycle alignment map, check-ins on distinct KRs, and a 70/30 read/write
 * mix. Every request carries a bearer token of a person who may make it.
 */
import autocannon, { type Request, type Result } from 'autocannon';
import type { Targets } from './prepare.js';

export interface ScenarioSpec {
  name: string;
  label: string;
  connections: number;
  /**
   * `uncached`: on a server with the read-model cache off (POLARIS_READ_CACHE_MS=0); `own`: on a
   * fresh server of its own (the mix: its memory is not what earlier scenarios left behind)
   */
  server: 'default' | 'own' | 'uncached';
  /** the floor operation it is compared with */
  floor: 'planRead' | 'dashboard' | 'alignment' | 'checkIn' | 'mix';
  /** requests of the warm-up (default: two seconds' worth) */
  warmUpRequests?: number;
  /** the next request; `i` counts requests of this scenario */
  next: (i: number) => Request;
}

export interface Measured {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** CPU milliseconds per request: the server (or the floor's process), PostgreSQL, the client */
  cpu?: { appMs: number; databaseMs: number; clientMs: number };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A cursor over `items` that never hands out the same one twice while any are left. */
export function cursor<T>(items: readonly T[]): { take(): T; used(): number } {
  let i = 0;
  return {
    take: () => {
      const item = items[i % items.length];
      i++;
      if (item === undefined) throw new Error('no targets');
      return item;
    },
    used: () => i,
  };
}

export function scenarios(t: Targets, connections: number): ScenarioSpec[] {
  const reads = cursor(t.reads);
  const writes = cursor(t.checkIns);
  const planRead = (): Request => {
    const r = reads.take();
    return { method: 'GET', path: `/api/v1/plans/${r.planId}`, headers: bearer(r.token) };
  };
  const checkIn = (): Request => {
    const c = writes.take();
    return {
      method: 'POST',
      path: `/api/v1/key-results/${c.keyResultId}/check-ins`,
      headers: { ...bearer(c.token), 'content-type': 'application/json' },
      body: JSON.stringify({ value: c.value, confidence: 7, note: 'bench' }),
    };
  };
  // the read models as the web client asks for them: a browser always accepts gzip
  const browser = { ...bearer(t.adminToken), 'accept-encoding': 'gzip, deflate, br' };
  const dashboard = (): Request => ({
    method: 'GET',
    path: `/api/v1/cycles/${t.cycleId}/dashboard`,
    headers: browser,
  });
  // the compact columns, as the web client loads the map
  const alignment = (): Request => ({
    method: 'GET',
    path: `/api/v1/cycles/${t.cycleId}/alignment?format=compact`,
    headers: browser,
  });
  return [
    {
      name: 'plan-read',
      label: `GET /plans/:id (${t.reads.length.toLocaleString('en')} plans in turn, each read before: kept reads)`,
      connections,
      server: 'default',
      floor: 'planRead',
      next: planRead,
      // a server that has been up: each plan read once (the measured run then starts over)
      warmUpRequests: t.reads.length,
    },
    {
      name: 'dashboard',
      label: 'GET /cycles/:id/dashboard (company root; as served, cached ≤ 2 s)',
      connections,
      server: 'default',
      floor: 'dashboard',
      next: dashboard,
    },
    {
      name: 'alignment',
      label: 'GET /cycles/:id/alignment?format=compact (whole cycle; as served, cached ≤ 2 s)',
      connections,
      server: 'default',
      floor: 'alignment',
      next: alignment,
    },
    {
      name: 'check-in',
      label: 'POST /key-results/:id/check-ins (distinct KRs, roll-up)',
      connections,
      server: 'default',
      floor: 'checkIn',
      next: checkIn,
    },
    {
      name: 'mix',
      label: 'mix: 70 % GET /plans/:id, 30 % POST check-ins',
      connections,
      server: 'own',
      floor: 'mix',
      next: (i) => (i % 10 < 7 ? planRead() : checkIn()),
      // as for plan-read: each plan read once before (with the check-ins that come with it)
      warmUpRequests: Math.ceil((t.reads.length * 10) / 7),
    },
    {
      name: 'plan-read-uncached',
      label: 'GET /plans/:id, built every time (plan cache off)',
      connections,
      server: 'uncached',
      floor: 'planRead',
      next: planRead,
    },
    {
      name: 'dashboard-uncached',
      label: 'GET /cycles/:id/dashboard, computed every time (cache off)',
      connections: 1,
      server: 'uncached',
      floor: 'dashboard',
      next: dashboard,
    },
    {
      name: 'alignment-uncached',
      label: 'GET /cycles/:id/alignment?format=compact, computed every time (cache off)',
      connections: 1,
      server: 'uncached',
      floor: 'alignment',
      next: alignment,
    },
  ];
}

/**
 * Runs one scenario for `seconds` (or for `amount` requests); `onTick` is called about every
 * 250 ms while it runs.
 */
export async function runScenario(
  url: string,
  spec: ScenarioSpec,
  seconds: number,
  onTick: () => void = () => undefined,
  amount?: number,
): Promise<Measured> {
  let i = 0;
  const timer = setInterval(onTick, 250);
  try {
    const result: Result = await autocannon({
      url,
      connections: spec.connections,
      ...(amount === undefined ? { duration: seconds } : { amount }),
      timeout: 30,
      requests: [{ setupRequest: () => spec.next(i++) }],
    });
    const statusCodes: Record<string, number> = {};
    for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) {
      statusCodes[code] = Number(s.count);
    }
    const requests = result.requests.total;
    return {
      requests,
      seconds: result.duration,
      rps: requests / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      non2xx: result.non2xx,
      errors: result.errors,
      statusCodes,
    };
  } finally {
    clearInterval(timer);
  }
}
