/**
 * The whole-cycle alignment map on a thread of its own (issue 6). At 40,000 objectives building
 * the map takes over half a second of CPU; on the thread that serves every request that is half
 * a second in which nobody's check-in or plan read is answered. `polaris serve` starts this
 * thread (POLARIS_ALIGNMENT_THREAD, on by default) with its own connection to the database; the
 * route hands it the request and sends back the JSON it returns. Without it (tests, an in-memory
 * database) the route computes the map itself: the same service code either way.
 */
import { Worker } from 'node:worker_threads';
import type { Config } from '../../config.js';
import { AppError, type ErrorCode, type FieldProblem } from '../../domain/errors.js';
import type { Actor } from '../../domain/policy.js';

export interface AlignmentThreadInit {
  databaseUrl: string | undefined;
  config: Config;
}

export interface AlignmentJob {
  id: number;
  actor: Actor;
  cycleId: string;
  unitId?: string;
  format: 'full' | 'compact';
}

export type AlignmentReply =
  | { id: number; json: Uint8Array }
  | { id: number; error: { code?: ErrorCode; message: string; errors?: FieldProblem[] } };

interface Pending {
  resolve: (json: Buffer) => void;
  reject: (e: unknown) => void;
}

/** The worker, started from TypeScript sources through tsx (tests, `npm run dev`, the bench). */
function startWorker(init: AlignmentThreadInit): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(`./alignment.worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSources) return new Worker(entry, { workerData: init });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: init });
}

export class AlignmentThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly init: AlignmentThreadInit) {}

  /** The map as JSON; a refusal (404 …) as the AppError the service threw. */
  map(job: Omit<AlignmentJob, 'id'>): Promise<Buffer> {
    const id = ++this.nextId;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.started().postMessage({ ...job, id } satisfies AlignmentJob);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  /** The worker, started again after it died (what it was computing fails). */
  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.init);
    worker.on('message', (reply: AlignmentReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if ('json' in reply) {
        p.resolve(Buffer.from(reply.json.buffer, reply.json.byteOffset, reply.json.byteLength));
        return;
      }
      const { code, message, errors } = reply.error;
      p.reject(code ? new AppError(code, message, errors) : new Error(message));
    });
    const fail = (e: unknown) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the alignment thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}
