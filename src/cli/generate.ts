/** `polaris generate`: a synthetic organization of any size, with timings and counts. */
import { parseArgs } from 'node:util';
import type { AppContext } from '../context.js';
import {
  DEFAULT_ORG_NAME,
  emailDomainFor,
  generateOrganization,
  type GenerateReport,
} from '../generate/generate.js';
import { LARGE, validateParams, type GenerateParams } from '../generate/plan.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function parse(args: string[]): { params: GenerateParams; password?: string } | string[] {
  const { values } = parseArgs({
    args,
    options: {
      users: { type: 'string' },
      units: { type: 'string' },
      weeks: { type: 'string' },
      seed: { type: 'string' },
      org: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
  const users = num(values.users, LARGE.users);
  const org = values.org ?? DEFAULT_ORG_NAME;
  const params: GenerateParams = {
    users,
    units: num(values.units, Math.max(5, Math.round(users / 10))),
    weeks: num(values.weeks, LARGE.weeks),
    seed: num(values.seed, LARGE.seed),
    org,
    domain: emailDomainFor(org),
  };
  const problems = validateParams(params);
  if (values.password !== undefined && values.password.length < 8) {
    problems.push('--password must have at least 8 characters');
  }
  if (problems.length > 0) return problems;
  return values.password === undefined ? { params } : { params, password: values.password };
}

export function formatReport(report: GenerateReport, engine: string): string {
  const c = report.counts;
  const lines = [
    `Generated on ${engine} in ${seconds(report.timings.totalMs)} ` +
      `(planning ${seconds(report.timings.planMs)}, password hash ${seconds(report.timings.hashMs)}):`,
    `  ${c.users} users, ${c.units} units, ${c.plans} plans, ${c.objectives} objectives, ` +
      `${c.keyResults} key results, ${c.actions} actions, ${c.checkIns} check-ins, ${c.reviews} reviews`,
    `Sign in as ${report.adminEmail} (admin) or user1@${report.adminEmail.split('@')[1]} … ` +
      `with the password ${report.password}`,
  ];
  return lines.join('\n');
}

/** Runs the command; returns the exit code. */
export async function generate(ctx: AppContext, args: string[]): Promise<number> {
  const parsed = parse(args);
  if (Array.isArray(parsed)) {
    for (const p of parsed) console.error(p);
    return 2;
  }
  console.log(
    `Generating "${parsed.params.org}": ${parsed.params.users} users, ${parsed.params.units} units, ` +
      `${parsed.params.weeks} weeks of check-ins, seed ${parsed.params.seed} …`,
  );
  const report = await generateOrganization(ctx, parsed.params, {
    ...(parsed.password !== undefined ? { password: parsed.password } : {}),
    onTable: (t) =>
      console.log(`  ${t.table.padEnd(14)} ${String(t.rows).padStart(9)} rows  ${seconds(t.ms)}`),
  });
  console.log(formatReport(report, ctx.engine));
  return 0;
}
