// A small seeded pseudo-random generator for the synthetic dataset: sfc32 (Chris Doty-Humphrey's
// "small fast counter", 128-bit state, used by PractRand) seeded through splitmix32. Each event
// reseeds it from (dataset seed, event number), so event n's content depends on nothing else and
// the same seed always gives the same data. Not for anything security-related.

/** splitmix32 finaliser: spreads the bits of a 32-bit integer. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

export class Prng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  /** Restarts the sequence for one (seed, stream) pair; the same pair always gives the same draws. */
  reseed(seed: number, stream: number): void {
    const s = mix32(seed | 0);
    const t = mix32((stream | 0) ^ s);
    this.a = mix32(s ^ 0x243f6a88);
    this.b = mix32(t ^ 0x85a308d3);
    this.c = mix32((s + t) | 0);
    this.d = 1;
    // sfc32 needs a few rounds before its output is well mixed.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A positive integer with a long tail: most values near `typical`, a few far above it. */
  skewed(typical: number, max: number): number {
    const u = this.next();
    return Math.min(max, Math.max(1, Math.round(typical * -Math.log(1 - u * 0.999))));
  }
}

/** Weighted choice with a precomputed cumulative table (one draw, a short linear scan). */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let running = 0;
    entries.forEach(([, weight], i) => {
      running += weight / total;
      this.cumulative[i] = running;
    });
    this.cumulative[entries.length - 1] = 1;
  }

  pick(rng: Prng): T {
    const u = rng.next();
    const c = this.cumulative;
    let i = 0;
    while (u >= c[i]!) i++;
    return this.items[i]!;
  }
}
