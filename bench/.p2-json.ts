import SQLite from 'better-sqlite3';
const org = '01a21ac5-32e9-799b-8dd6-000000000001';
const cycle = '01a21ac5-32e9-799b-8dd6-000000002afb';
const db = new SQLite('/tmp/p2-exp.db', { readonly: true });
db.pragma('cache_size = -65536');
const base = `from objectives o left join key_results kr on kr.id = o.aligned_to_key_result_id and kr.organization_id = ?
 where o.organization_id = ? and o.plan_id in (select p.id from plans p where p.organization_id = ? and p.cycle_id = ?)`;
const cols = `o.id, o.title, o.plan_id, o.progress, (case when o.kind = 'aspirational' then 1 else 0 end) + (case when o.visibility = 'private' then 2 else 0 end) + (case when o.last_check_in_at is null then 0 else 4 end), case when o.aligned_to_key_result_id is null then o.aligned_to_objective_id else kr.objective_id end, o.aligned_to_key_result_id`;
const rows = db.prepare(`select ${cols} ${base}`).raw(true);
const json = db.prepare(`select json_group_array(json_array(${cols})) ${base}`).raw(true);
const p = [org, org, org, cycle];
function t(name: string, f: () => unknown, n = 5) { f(); const c = process.cpuUsage(); const s = performance.now(); let r: any; for (let i = 0; i < n; i++) r = f(); const cu = process.cpuUsage(c); console.log(name, ((performance.now()-s)/n).toFixed(1), 'wall', ((cu.user+cu.system)/1000/n).toFixed(1), 'cpu', Array.isArray(r) ? r.length : ''); }
t('raw rows', () => rows.all(...p));
t('json string', () => json.all(...p));
t('json parsed', () => JSON.parse((json.all(...p) as any)[0][0]));
t('raw rows', () => rows.all(...p));
t('json parsed', () => JSON.parse((json.all(...p) as any)[0][0]));
