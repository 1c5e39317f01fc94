/**
 * Multi-string search (Aho–Corasick): finds every occurrence of thousands of reporter
 * abbreviations in one pass over the text, so that only the few reporter patterns whose
 * abbreviation is present are tried, and only where it is.
 */
export type Occurrence = { pattern: number; end: number };

export class StringMatcher {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state, its failure chain's included. */
  private readonly output: number[][] = [[]];
  readonly lengths: number[] = [];

  constructor(patterns: string[]) {
    patterns.forEach((pattern, id) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let to = this.next[state]!.get(code);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.output.push([]);
          this.next[state]!.set(code, to);
        }
        state = to;
      }
      this.output[state]!.push(id);
      this.lengths[id] = pattern.length;
    });
    const queue: number[] = [];
    for (const to of this.next[0]!.values()) queue.push(to);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(code)) f = this.fail[f]!;
        const target = this.next[f]!.get(code);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.output[to]!.push(...this.output[this.fail[to]!]!);
        queue.push(to);
      }
    }
  }

  /** Calls `found(pattern, endExclusive)` for every occurrence in `text`, in order of end. */
  scan(text: string, found: (pattern: number, end: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let to = this.next[state]!.get(code);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        to = this.next[state]!.get(code);
      }
      state = to ?? 0;
      const out = this.output[state]!;
      for (let k = 0; k < out.length; k++) found(out[k]!, i + 1);
    }
  }
}
