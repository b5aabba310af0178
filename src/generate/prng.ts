/**
 * A small deterministic pseudo-random generator (sfc32, seeded through splitmix32), so the same
 * `--seed` builds the same organization on every machine and engine. Not for secrets.
 */

/** splitmix32: spreads a 32-bit seed over the generator's state. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** the next 32-bit unsigned integer */
  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** a float in [0, 1) */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** an integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** true with probability `p` */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** a uniformly chosen element; throws on an empty list */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** a normally distributed number (Box–Muller) */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** a seed for an independent generator (one per KR, so series can be replayed lazily) */
  fork(): number {
    return this.uint32();
  }
}

/**
 * `n` positive integer weights that sum to exactly `total` (largest remainder), drawn so that
 * they differ a little, as people's weights do.
 */
export function integerWeights(rng: Rng, n: number, total = 100): number[] {
  if (n <= 0) return [];
  const raw = Array.from({ length: n }, () => 1 + rng.int(0, 4) * 0.25);
  const sum = raw.reduce((s, x) => s + x, 0);
  const exact = raw.map((x) => (x / sum) * total);
  const out = exact.map((x) => Math.max(1, Math.floor(x)));
  let rest = total - out.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((p, q) => q.frac - p.frac || p.i - q.i);
  for (let k = 0; rest > 0; k = (k + 1) % n, rest--) out[order[k]!.i]! += 1;
  for (let k = n - 1; rest < 0; k = (k - 1 + n) % n) {
    const i = order[k]!.i;
    if (out[i]! > 1) {
      out[i]! -= 1;
      rest++;
    }
  }
  return out;
}
