// The per-user leaky bucket the calculated cost is paid from. It holds costBucketSize and regains
// costLeakPerSecond a second.
import { clock } from "../../clock";

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface BucketAnswer {
  /** True when the cost was taken; false when not enough was available (nothing taken). */
  allowed: boolean;
  /** What is left after this answer. */
  available: number;
  /** When refused: seconds until the cost will be available. */
  retryAfterSeconds: number;
}

/**
 * Where the buckets live. In memory for one instance; a shared store (Redis, the database) can
 * implement the same calls so that several instances drain one bucket per user.
 */
export interface CostBucketStore {
  /** Takes `cost` from the key's bucket when that much is available. */
  take(key: string, cost: number): Promise<BucketAnswer>;
  /** Gives back part of what was taken (the requested cost minus the actual one); answers what is available. */
  refund(key: string, amount: number): Promise<number>;
  /** What the key's bucket holds now, taking nothing. */
  peek(key: string): Promise<number>;
}

/** Buckets in process memory; time from the one clock, so tests can move it. */
export class MemoryCostBuckets implements CostBucketStore {
  private readonly buckets = new Map<string, { available: number; at: number }>();

  constructor(
    readonly size: number,
    readonly leakPerSecond: number,
    private readonly maxKeys = 100_000,
  ) {}

  private current(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.size;
    const elapsed = Math.max(0, now - bucket.at); // a clock moved back restores nothing
    return Math.min(this.size, bucket.available + (elapsed / 1000) * this.leakPerSecond);
  }

  // The store's calls are asynchronous (a shared store needs a round trip); memory answers at once.
  take(key: string, cost: number): Promise<BucketAnswer> {
    const now = clock.now().getTime();
    const available = this.current(key, now);
    if (cost > available) {
      this.buckets.set(key, { available, at: now });
      const missing = cost - available;
      const retryAfterSeconds = this.leakPerSecond > 0 ? Math.max(1, Math.ceil(missing / this.leakPerSecond)) : 3600;
      return Promise.resolve({ allowed: false, available, retryAfterSeconds });
    }
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.sweep(now);
    this.buckets.set(key, { available: available - cost, at: now });
    return Promise.resolve({ allowed: true, available: available - cost, retryAfterSeconds: 0 });
  }

  refund(key: string, amount: number): Promise<number> {
    const now = clock.now().getTime();
    const available = Math.min(this.size, this.current(key, now) + Math.max(0, amount));
    this.buckets.set(key, { available, at: now });
    return Promise.resolve(available);
  }

  peek(key: string): Promise<number> {
    return Promise.resolve(this.current(key, clock.now().getTime()));
  }

  /** Forgets buckets that have filled up again (they read the same as no bucket). */
  private sweep(now: number): void {
    for (const [key] of this.buckets) if (this.current(key, now) >= this.size) this.buckets.delete(key);
  }
}
