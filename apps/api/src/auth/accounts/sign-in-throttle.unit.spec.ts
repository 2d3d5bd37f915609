import fc from 'fast-check';
import { MAX_FAILURES, SignInThrottle, THROTTLE_WINDOW_MS } from './sign-in-throttle';

describe('the sign-in throttle', () => {
  it('closes an id after five failures within the window, for the window, and no other id', () => {
    const throttle = new SignInThrottle();
    const start = 1_000_000;
    for (let n = 0; n < MAX_FAILURES - 1; n += 1) throttle.failed('c-1', start + n * 1_000);
    expect(throttle.waitMs('c-1', start + 5_000)).toBe(0);
    throttle.failed('c-1', start + 10_000);
    expect(throttle.waitMs('c-1', start + 10_000)).toBe(THROTTLE_WINDOW_MS);
    expect(throttle.waitMs('c-2', start + 10_000)).toBe(0);
    expect(throttle.waitMs('c-1', start + 10_000 + THROTTLE_WINDOW_MS - 1)).toBe(1);
    expect(throttle.waitMs('c-1', start + 10_000 + THROTTLE_WINDOW_MS)).toBe(0);
  });

  it('refuses exactly the attempts a plain model refuses: five counted failures in the window close the id for the window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * THROTTLE_WINDOW_MS }), { maxLength: 16 }), (offsets) => {
        const throttle = new SignInThrottle();
        let counted: number[] = [];
        let closedUntil: number | undefined;
        for (const at of [...offsets].sort((a, b) => a - b)) {
          if (closedUntil !== undefined && at >= closedUntil) {
            counted = [];
            closedUntil = undefined;
          }
          const refused = closedUntil !== undefined;
          if (throttle.waitMs('p-1', at) > 0 !== refused) return false;
          // A refused attempt never reaches the password check, so it is no failure to count.
          if (refused) continue;
          throttle.failed('p-1', at);
          counted = [...counted.filter((t) => t > at - THROTTLE_WINDOW_MS), at];
          if (counted.length >= MAX_FAILURES) closedUntil = at + THROTTLE_WINDOW_MS;
        }
        return true;
      }),
    );
  });

  it('forgets a success’s failures', () => {
    const throttle = new SignInThrottle();
    for (let n = 0; n < MAX_FAILURES - 1; n += 1) throttle.failed('c-1', n);
    throttle.succeeded('c-1');
    throttle.failed('c-1', 10);
    expect(throttle.waitMs('c-1', 10)).toBe(0);
  });
});
