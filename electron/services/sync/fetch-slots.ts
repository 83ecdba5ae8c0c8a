/** At most `size` fetches at once, started in the order they were asked for. */
export class FetchSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = size;
  }

  async run<T>(fetch: () => Promise<T>): Promise<T> {
    if (this.free === 0) await new Promise<void>((start) => this.waiting.push(start));
    else this.free--;
    try {
      return await fetch();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}
