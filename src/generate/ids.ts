/**
 * Ids for bulk loading: UUID-shaped and in ascending order within one run (a time prefix, a
 * per-run random part, then a counter), so a million inserts append to the id indexes instead of
 * scattering over them. They are as opaque to the API as the ids `newId()` makes.
 */
import { randomBytes } from 'node:crypto';

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

export class IdSource {
  private readonly prefix: string;
  private counter = 0;

  constructor(at: Date = new Date()) {
    const ms = at.getTime();
    const high = Math.floor(ms / 65_536);
    const low = ms % 65_536;
    const random = randomBytes(3).toString('hex');
    // 8-4-4-4-12: time (48 bits), version 7 + 12 random bits, variant + 12 random bits, counter
    this.prefix = `${hex(high, 8)}-${hex(low, 4)}-7${random.slice(0, 3)}-8${random.slice(3, 6)}-`;
  }

  next(): string {
    this.counter++;
    return this.prefix + hex(this.counter, 12);
  }
}
