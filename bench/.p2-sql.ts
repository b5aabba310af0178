import { connect } from '../src/db/connect.js';
import * as d from '../src/modules/dashboard/dashboard.repository.js';
import { sql } from 'kysely';
const h = connect('/tmp/p2-exp.db');
const db = h.db;
const org = '01a21ac5-32e9-799b-8dd6-000000000001';
const cycle = '01a21ac5-32e9-799b-8dd6-000000002afb';
const unit = '01a21ac5-32e9-799b-8dd6-000000002712';
const q = db.selectFrom('key_results as kr').innerJoin('plans as p','p.id','kr.plan_id').select(sql`count(*)`.as('n'))
 .where('kr.organization_id','=',org).where('p.organization_id','=',org).where('p.cycle_id','=',cycle).where('p.state','=','approved')
 .where((await import('../src/modules/alignment/scope.js')).planInUnitScope('p', org, unit)).compile();
console.log(q.sql, JSON.stringify(q.parameters));
await h.close();
