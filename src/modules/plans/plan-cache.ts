/**
 * Kept plan reads (issue 6). `GET /plans/:id` is the most frequent request, and building it —
 * three queries over wide rows, the tree, health, scores, the JSON — costs about ten times more
 * than checking whether it changed. A plan's JSON is kept per plan and per variant (with or
 * without its private objectives) and answered again while three things are unchanged:
 *
 * - the plan's `revision`, which triggers move on every change to its objectives, KRs, actions,
 *   cycle, organization settings and owner name, and its roll-up moves on every check-in
 *   (migration 0012);
 * - its `version` (state, approver, submission, approval, closing);
 * - the quarter of an hour (`timeSlot`): expected progress and health follow the clock, and a
 *   kept response is at most 15 minutes behind it (0.01 % of a quarter's expected progress).
 *   Every timezone's offset is a whole number of quarter hours, so a local midnight (overdue
 *   actions, today's date) always starts a new slot.
 *
 * Every request still reads the plan's revision and version (one indexed read of one row) and
 * runs the policy, so a change made through any process is seen at once, as without the cache;
 * nothing is shared between processes. The oldest entries go first once `maxBytes` is reached
 * (oldest made, not least used: an entry lives a quarter of an hour at most anyway).
 */
const SLOT_MS = 15 * 60_000;

/** The time slot of `now`: kept reads made in one slot are answered during it. */
export const timeSlot = (now: Date): number => Math.floor(now.getTime() / SLOT_MS);

export interface PlanStamp {
  revision: number;
  version: number;
}

interface Entry extends PlanStamp {
  slot: number;
  /** whether the plan has private objectives (the variant then depends on the reader) */
  hasPrivate: boolean;
  /** the JSON without the private objectives / with them */
  public?: Buffer;
  full?: Buffer;
}

export class PlanReadCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The kept entry for `key` if it was made at `stamp` in `slot` (else it is dropped). */
  get(key: string, stamp: PlanStamp, slot: number): Readonly<Entry> | undefined {
    return this.live(key, stamp, slot);
  }

  private live(key: string, stamp: PlanStamp, slot: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e === undefined) return undefined;
    if (e.revision !== stamp.revision || e.version !== stamp.version || e.slot !== slot) {
      this.drop(key);
      return undefined;
    }
    return e;
  }

  /** Keeps one variant of the plan's JSON, made at `stamp` in `slot`. */
  keep(
    key: string,
    stamp: PlanStamp,
    slot: number,
    variant: { hasPrivate: boolean; showPrivate: boolean; body: Buffer },
  ): void {
    if (variant.body.length > this.maxBytes) return;
    let e = this.live(key, stamp, slot);
    if (e === undefined || e.hasPrivate !== variant.hasPrivate) {
      this.drop(key);
      e = { ...stamp, slot, hasPrivate: variant.hasPrivate };
      this.entries.set(key, e);
    }
    const which = variant.showPrivate && variant.hasPrivate ? 'full' : 'public';
    this.bytes += variant.body.length - (e[which]?.length ?? 0);
    e[which] = variant.body;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (e === undefined) return;
    this.bytes -= (e.public?.length ?? 0) + (e.full?.length ?? 0);
    this.entries.delete(key);
  }
}
