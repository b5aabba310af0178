import SQLite from 'better-sqlite3';
import fs from 'node:fs';
const db = new SQLite('/tmp/p2-exp.db', { readonly: true });
db.pragma('cache_size = -65536');
const parts = JSON.parse(fs.readFileSync('/tmp/p2/parts.json', 'utf8'));
for (const [k, q] of Object.entries(parts) as [string, string][]) {
  const st = db.prepare(q).raw(true);
  st.all();
  const c = process.cpuUsage(); const s = performance.now();
  for (let i = 0; i < 10; i++) st.all();
  const cu = process.cpuUsage(c);
  console.log(k.padEnd(8), ((performance.now() - s) / 10).toFixed(1), 'wall', ((cu.user + cu.system) / 10000).toFixed(1), 'cpu');
}
