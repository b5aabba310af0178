import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import * as d from '../src/modules/dashboard/dashboard.repository.js';
const org = '01a21ac5-32e9-799b-8dd6-000000000001';
const cycle = '01a21ac5-32e9-799b-8dd6-000000002afb';
const unit = process.env.UNIT ?? '01a21ac5-32e9-799b-8dd6-000000002712';
const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite('/tmp/p2-exp.db') }), log(e) { if (e.level !== 'query') return; let i = 0; const p = e.query.parameters as unknown[]; console.log(e.query.sql.replace(/\?/g, () => { const v = p[i++]; return typeof v === 'number' ? String(v) : `'${v}'`; }) + ';'); } });
await d.summarizeScope(db, org, cycle, unit, { onTrackMin: 0.6, atRiskMin: 0.4 }, '2026-11-20', { limit: 100, strategy: (process.env.S ?? 'by-progress') as any });
await db.destroy();
