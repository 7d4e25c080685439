/**
 * A seeded generator for property tests (Park–Miller): the same sequence on every run, so a failure
 * can be replayed from its seed.
 */
export function seededRandom(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}
