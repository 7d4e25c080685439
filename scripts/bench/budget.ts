/**
 * design.md's performance budget, as the bench prints it (keep the two in step: the wording of each
 * measure and its limit are design.md's table). Limits in ms unless named otherwise.
 */
export const budget = {
  search: { measure: 'case search p95, every query length 1–6, 異体字 folded', limit: 1 },
  open: { measure: 'open a case (detail + timeline + audit event)', limit: 2 },
  forms: { measure: 'all five 様式, 14-agency meeting', limit: 40 },
  stats: { measure: 'fiscal-year statistics table', limit: 10 },
  desk: { measure: 'the desk (ホーム)', limit: 20 },
  ratio: { measure: 'encrypted ÷ plain copy, each of the above', limit: 1.2 },
  eventLoop: {
    measure: 'main-process event-loop delay while importing or rendering many documents',
    limit: 50,
  },
  cli: { measure: 'CLI overhead beyond the KDF', limit: 300 },
  /** At 100,000 households search and open stay ≤ 3 ms. */
  atLargeScale: { households: 100_000, search: 3, open: 3 },
  /** Unlock (KDF) is deliberately 0.3–1 s; reported separately. */
  unlock: { from: 300, to: 1000 },
} as const;
