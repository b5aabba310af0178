/**
 * `polaris generate`: plans a synthetic organization and bulk-loads it into the configured
 * database, reporting how long each step took.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.js';
import { conflict } from '../domain/errors.js';
import { findUserByEmail } from '../modules/auth/auth.repository.js';
import { hashPassword } from '../modules/auth/password.js';
import { loadOrganization, type TableLoad } from './loader.js';
import { planOrganization, type GeneratedCounts, type GenerateParams } from './plan.js';

export const DEFAULT_ORG_NAME = '北极星集团';
/** every generated person signs in with this password unless another is given */
export const GENERATED_PASSWORD = 'polaris-gen';

/** `gen.test` for the default organization; `<slug>.gen.test` for others. */
export function emailDomainFor(org: string): string {
  if (org === DEFAULT_ORG_NAME) return 'gen.test';
  const slug = org
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const label = slug || `org-${createHash('sha256').update(org).digest('hex').slice(0, 8)}`;
  return `${label}.gen.test`;
}

export interface GenerateReport {
  organizationId: string;
  rootUnitId: string;
  adminEmail: string;
  password: string;
  counts: GeneratedCounts;
  /** milliseconds: planning, hashing the one password, each table, and the whole run */
  timings: { planMs: number; hashMs: number; tables: TableLoad[]; totalMs: number };
}

/**
 * Generates the organization as of ctx.now(). 409 when its admin's email already exists (the
 * same organization was generated into this database before: pick another --org).
 */
export async function generateOrganization(
  ctx: AppContext,
  params: GenerateParams,
  opts: { password?: string; onTable?: (load: TableLoad) => void } = {},
): Promise<GenerateReport> {
  const started = performance.now();
  const adminEmail = `admin@${params.domain}`;
  if (await findUserByEmail(ctx.db, adminEmail)) {
    throw conflict(`${adminEmail} already exists: generate with another --org`);
  }
  const org = planOrganization(params, ctx.now());
  const planned = performance.now();
  const password = opts.password ?? GENERATED_PASSWORD;
  // one argon2id hash for everyone: hashing 10,000 passwords would take minutes
  const passwordHash = await hashPassword(password);
  const hashed = performance.now();
  const tables: TableLoad[] = [];
  await loadOrganization(ctx.db, ctx.engine, org, passwordHash, (load) => {
    tables.push(load);
    opts.onTable?.(load);
  });
  return {
    organizationId: org.organization.id,
    rootUnitId: org.people.root.row.id,
    adminEmail,
    password,
    counts: org.counts,
    timings: {
      planMs: Math.round(planned - started),
      hashMs: Math.round(hashed - planned),
      tables,
      totalMs: Math.round(performance.now() - started),
    },
  };
}
