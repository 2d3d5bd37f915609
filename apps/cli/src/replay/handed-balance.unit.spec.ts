import { handedBalance, MOST_WAITING, STARTING_EIGHTHS, takenCounter, tookBatch } from './handed-balance';

describe('the share of the lines the checking thread parses for the main thread', () => {
  it('grows with the batches waiting for the main thread, and is none while the main thread has taken them all', () => {
    const taken = takenCounter();
    const balance = handedBalance(undefined, taken);
    expect(balance.eighths).toBe(STARTING_EIGHTHS);
    const seen = [];
    for (let i = 0; i < 6; i++) {
      balance.posted();
      seen.push(balance.eighths);
    }
    expect(seen).toEqual([0, 2, 4, 6, 8, 8]);
    for (let i = 0; i < 6; i++) tookBatch(taken);
    balance.posted();
    tookBatch(taken);
    expect(balance.eighths).toBe(0);
  });

  it('stays as given, and never waits, when fixed', () => {
    const taken = takenCounter();
    const balance = handedBalance(3, taken);
    for (let i = 0; i < MOST_WAITING + 5; i++) balance.posted();
    expect(balance.eighths).toBe(3);
  });
});
