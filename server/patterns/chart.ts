import { daysFrom, type DayWindow } from "../shared/date-bounds";

/*
 * The geometry of the pattern chart: one row per instrument on a shared time axis, a bar for
 * each stretch (issued → challenged → stayed → outcome) and a pale band over every date known
 * only to a window, so the eye sees the uncertainty the table states in words. Numbers only:
 * views/patterns/chart.hbs draws them as SVG, with the text table beside it. Pure.
 */

export type ChartStage = "issued" | "challenged" | "stayed" | "outcome";

export type ChartInput = {
  label: string;
  issued: DayWindow | null;
  challenged: DayWindow | null;
  stayed: DayWindow | null;
  outcome: DayWindow | null;
  /** The outcome's kind ("withdrawn", "quashed"…), or "pending"/"none" when there is none. */
  outcomeKey: string;
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export const CHART = { width: 760, labelWidth: 290, rowHeight: 34, top: 10, axisHeight: 30, right: 16 } as const;

const mid = (w: DayWindow) => w.earliest;

export function chartGeometry(rows: ChartInput[]) {
  const windows = rows.flatMap((r) => [r.issued, r.challenged, r.stayed, r.outcome]).filter((w): w is DayWindow => w !== null);
  const plotWidth = CHART.width - CHART.labelWidth - CHART.right;
  const height = CHART.top + rows.length * CHART.rowHeight + CHART.axisHeight;
  if (windows.length === 0) return { width: CHART.width, height, rows: [], ticks: [], empty: true };

  // The axis runs from the first day of the earliest month to the last day of the latest.
  const start = `${windows
    .map((w) => w.earliest)
    .sort()[0]!
    .slice(0, 7)}-01`;
  const lastDay = windows
    .map((w) => w.latest)
    .sort()
    .at(-1)!;
  const [ly, lm] = lastDay.split("-").map(Number) as [number, number];
  const end = new Date(Date.UTC(ly, lm, 1)).toISOString().slice(0, 10);
  const total = Math.max(1, daysFrom(start, end));
  const x = (day: string) => CHART.labelWidth + (daysFrom(start, day) / total) * plotWidth;
  const round = (n: number) => Math.round(n * 10) / 10;

  const ticks: { x: number; label: string }[] = [];
  const months = Math.round(total / 30.4);
  const every = months > 18 ? 3 : months > 9 ? 2 : 1;
  for (let d = new Date(`${start}T00:00:00Z`), i = 0; d.toISOString().slice(0, 10) <= end; d.setUTCMonth(d.getUTCMonth() + 1), i++) {
    if (i % every !== 0) continue;
    const iso = d.toISOString().slice(0, 10);
    ticks.push({ x: round(x(iso)), label: `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).slice(2)}` });
  }

  const out = rows.map((r, i) => {
    const y = CHART.top + i * CHART.rowHeight;
    const barY = y + 10;
    const stretch = (from: DayWindow | null, to: DayWindow | null, stage: ChartStage) =>
      from && to ? [{ x: round(x(mid(from))), width: round(Math.max(1.5, x(mid(to)) - x(mid(from)))), stage }] : [];
    // Each stretch runs to the next stage that is dated; a missing stay joins challenge to outcome.
    const segments = [
      ...stretch(r.issued, r.challenged ?? r.outcome, "issued"),
      ...stretch(r.challenged, r.stayed ?? r.outcome, "challenged"),
      ...stretch(r.stayed, r.outcome, "stayed"),
    ];
    const bands = [r.issued, r.challenged, r.stayed, r.outcome]
      .filter((w): w is DayWindow => w !== null && !w.exact)
      .map((w) => ({ x: round(x(w.earliest)), width: round(Math.max(2, x(w.latest) - x(w.earliest) + plotWidth / total)) }));
    const marks = (
      [
        ["issued", r.issued],
        ["challenged", r.challenged],
        ["stayed", r.stayed],
        ["outcome", r.outcome],
      ] as const
    )
      .filter(([, w]) => w !== null)
      .map(([stage, w]) => ({ cx: round(x(mid(w!))), stage, r: stage === "outcome" ? 6 : 3.5 }));
    return {
      label: r.label,
      labelY: y + 18,
      barY,
      barHeight: 12,
      bandY: y + 4,
      bandHeight: 24,
      segments,
      bands,
      marks,
      outcomeKey: r.outcomeKey,
      undated: r.issued === null && r.challenged === null && r.outcome === null,
    };
  });
  return {
    width: CHART.width,
    height,
    rows: out,
    ticks,
    axisY: CHART.top + rows.length * CHART.rowHeight + 4,
    labelStart: CHART.labelWidth,
    empty: false,
  };
}
