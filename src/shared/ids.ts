import { randomFillSync } from 'node:crypto';

const random = Buffer.alloc(10);
let lastMs = 0;
let sequence = 0;

/**
 * A new opaque id: a UUID version 7 (RFC 9562) — 48 bits of Unix milliseconds, then 74 random
 * bits, of which the first 12 count up within a millisecond so that ids made in one process sort
 * in the order they were made. Ids made close together sort together, so an insert lands at the
 * right edge of the primary-key index instead of on a random page of it: on a table of a million
 * check-ins that is one page written per insert instead of a cold page read and written.
 */
export function newId(): string {
  let ms = Date.now();
  randomFillSync(random);
  if (ms > lastMs) {
    lastMs = ms;
    sequence = ((random[0]! & 0x07) << 8) | random[1]!; // room to count up within the millisecond
  } else {
    ms = lastMs;
    sequence++;
    if (sequence > 0xfff) {
      // 4,096 ids in one millisecond: borrow the next one
      lastMs = ms = lastMs + 1;
      sequence = 0;
    }
  }
  const hex = random.toString('hex');
  const time = ms.toString(16).padStart(12, '0');
  const seq = (0x7000 | sequence).toString(16);
  const variant = (((0x80 | (random[2]! & 0x3f)) << 8) | random[3]!).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-${seq}-${variant}-${hex.slice(8, 20)}`;
}
