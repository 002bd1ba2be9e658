import type { ParseProblem, Span } from '../../model';

/** Most problems one document reports; garbage must not turn into a million diagnostics. */
export const MAX_PROBLEMS = 1000;

/** Collects problems up to a cap, then counts the rest and reports them as one closing problem. */
export class ProblemCollector {
  private readonly problems: ParseProblem[] = [];
  private suppressed = 0;
  private firstSuppressed: Span | null = null;

  constructor(private readonly limit: number = MAX_PROBLEMS) {}

  add(start: number, end: number, message: string): void {
    if (this.problems.length < this.limit) {
      this.problems.push({ span: { start, end: Math.max(start, end) }, message });
      return;
    }
    if (this.firstSuppressed === null) this.firstSuppressed = { start, end: Math.max(start, end) };
    this.suppressed++;
  }

  /** The problems in text order, with a last one saying how many were left out. */
  finish(): ParseProblem[] {
    // Stable sort: problems found at the same place keep the order they were found in.
    const sorted = this.problems.slice().sort((a, b) => a.span.start - b.span.start);
    if (this.firstSuppressed !== null) {
      sorted.push({
        span: this.firstSuppressed,
        message: `${this.suppressed} more problems in this document are not listed.`,
      });
    }
    return sorted;
  }
}
