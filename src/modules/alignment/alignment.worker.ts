/**
 * The thread that computes alignment maps (see alignment-thread.ts): its own connection to the
 * database, the same service code, JSON out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AppContext } from '../../context.js';
import { connect } from '../../db/connect.js';
import { AppError } from '../../domain/errors.js';
import type { AlignmentJob, AlignmentReply, AlignmentThreadInit } from './alignment-thread.js';
import { getAlignmentMap, getCompactAlignmentMap } from './alignment.service.js';

const init = workerData as AlignmentThreadInit;
// reads only: a small pool on PostgreSQL
const handle = connect(init.databaseUrl, { poolSize: 2 });
const ctx: AppContext = {
  db: handle.db,
  engine: handle.engine,
  config: init.config,
  now: () => new Date(),
};
const port = parentPort!;

async function run(job: AlignmentJob): Promise<AlignmentReply> {
  try {
    const map =
      job.format === 'compact'
        ? await getCompactAlignmentMap(ctx, job.actor, job.cycleId, job.unitId)
        : await getAlignmentMap(ctx, job.actor, job.cycleId, job.unitId);
    // the route's serializer is JSON.stringify too (alignment.routes.ts)
    return { id: job.id, json: new TextEncoder().encode(JSON.stringify(map)) };
  } catch (e) {
    return e instanceof AppError
      ? { id: job.id, error: { code: e.code, message: e.message, errors: e.errors } }
      : { id: job.id, error: { message: e instanceof Error ? e.message : String(e) } };
  }
}

port.on('message', (job: AlignmentJob) => {
  void run(job).then((reply) =>
    port.postMessage(reply, 'json' in reply ? [reply.json.buffer as ArrayBuffer] : []),
  );
});
port.once('close', () => void handle.close());
