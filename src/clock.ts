// The one "now" of the application (R7, R17). Tests move it; nothing else reads Date.now() for rules.
let offsetMs = 0;
let frozen: number | undefined;

export const clock = {
  now(): Date {
    return new Date(frozen ?? Date.now() + offsetMs);
  },
  /** Tests only: pin the clock at an instant. */
  set(at: Date): void {
    frozen = at.getTime();
  },
  /** Tests only: move the clock forward (or back) by a duration. */
  advance(ms: number): void {
    if (frozen !== undefined) frozen += ms;
    else offsetMs += ms;
  },
  reset(): void {
    offsetMs = 0;
    frozen = undefined;
  },
};

export const DAY_MS = 24 * 3600 * 1000;
export const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * DAY_MS);
