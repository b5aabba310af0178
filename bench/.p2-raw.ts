import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import * as a from '../src/modules/alignment/alignment.repository.js';
const org = '01a21ac5-32e9-799b-8dd6-000000000001';
const cycle = '01a21ac5-32e9-799b-8dd6-000000002afb';
const sqlite = new SQLite('/tmp/p2-exp.db', { readonly: true });
sqlite.pragma('cache_size = -65536');
let last: { sql: string; params: unknown[] } | null = null;
const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }), log(e) { if (e.level === 'query') last = { sql: e.query.sql, params: e.query.parameters as unknown[] }; } });
await a.listCycleObjectives(db, org, cycle);
const q = last!;
console.log(q.sql);
const st = sqlite.prepare(q.sql);
function t(name: string, f: () => unknown, n = 5) { f(); const c = process.cpuUsage(); const s = performance.now(); for (let i = 0; i < n; i++) f(); const cu = process.cpuUsage(c); console.log(name, ((performance.now()-s)/n).toFixed(1), 'wall', ((cu.user+cu.system)/1000/n).toFixed(1), 'cpu'); }
t('objects', () => st.all(...q.params));
t('raw', () => st.raw(true).all(...q.params));
const cnt = sqlite.prepare(`select count(*) from (${q.sql})`);
t('count only', () => cnt.raw(true).all(...q.params));
console.log(sqlite.prepare('explain query plan ' + q.sql).all(...q.params).map((r: any) => r.detail).join('\n'));
