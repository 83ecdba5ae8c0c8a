/** A seeded pseudo-random source (mulberry32), so the same seed gives the same data set. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A derived, independent stream: one per domain, so adding data to one leaves the others unchanged. */
  fork(label: string): Random {
    let mix = this.state;
    for (let index = 0; index < label.length; index++) mix = Math.imul(mix ^ label.charCodeAt(index), 0x01000193);
    return new Random(mix);
  }

  /** [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: nothing to pick from');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: entries are [item, weight]. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of entries) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A Stripe-like id: prefix + base62 characters. */
  id(prefix: string, length = 16): string {
    let out = prefix;
    for (let index = 0; index < length; index++) out += base62[Math.floor(this.next() * 62)];
    return out;
  }

  hex(bytes: number): string {
    let out = '';
    for (let index = 0; index < bytes; index++) out += Math.floor(this.next() * 256).toString(16).padStart(2, '0');
    return out;
  }
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
