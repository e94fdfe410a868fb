/**
 * The one rule every published figure of a centre goes through: its tables, its charts, any
 * filter, the CSV and the JSON.
 *
 * The students are split into cells (an ISO week and a cohort: the finest split any view can
 * make). Each property a figure counts (a funnel stage, a situation, a kind of question) is
 * *tainted* in a cell when, in that cell,
 * - it counts some students but fewer than the minimum, or
 * - its students all have another published property, and the difference (those with the
 *   other but not this one) is some students but fewer than the minimum.
 * A figure counting a property over a set of cells is shown only if the property is tainted
 * in none of them.
 *
 * Why that is enough: take two shown figures A (property p over cells S) and B (property q
 * over cells T) where everyone B counts is also counted by A, so that A - B counts real
 * students. In each cell of T where B counts someone, its q-students are among the cell's
 * p-students, so that cell adds p - q to the difference, which is 0 or at least the minimum
 * (else q would be tainted there); every other cell of S adds its p-count, 0 or at least the
 * minimum (else p would be tainted). So A - B is 0 or at least the minimum, across tables,
 * filters and exports alike, and however the figures are combined into such sums.
 *
 * The cost: a small cell hides its property in every figure that includes it. A centre with
 * few students per week and cohort sees less; fewer cohorts, or a lower minimum (never
 * below 5), show more.
 */

/** A count that must not be shown or worked out: some students, fewer than the minimum. */
export const isSmall = (n: number, k: number) => n > 0 && n < k;

/** One cell's students, as a bit mask per property (bit i: the cell's i-th student has it). */
export type CellMasks = Map<string, bigint>;

/** The properties tainted in one cell (see above). */
export function taintedIn(masks: CellMasks, k: number): Set<string> {
  const tainted = new Set<string>();
  const entries = [...masks.entries()].map(([property, mask]) => ({ property, mask, count: popcount(mask) }));
  for (const p of entries) if (isSmall(p.count, k)) tainted.add(p.property);
  for (const p of entries) {
    for (const q of entries) {
      if (p === q || q.count === 0 || tainted.has(q.property)) continue;
      // q's students are all among p's: p - q counts real students, and must not be small.
      if ((q.mask & ~p.mask) === 0n && isSmall(p.count - q.count, k)) tainted.add(q.property);
    }
  }
  return tainted;
}

export function popcount(n: bigint): number {
  let c = 0;
  for (let x = n; x > 0n; x &= x - 1n) c += 1;
  return c;
}
