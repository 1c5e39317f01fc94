/**
 * Where two JSON values differ, as JSON paths ("$.parties[3].attorneys[0].contact"), and how
 * many of the expected leaf values were matched: a fixture that is not exact still shows
 * which fields are right, and a failure message points at the fields that are wrong.
 */

export type Difference = { path: string; got: unknown; expected: unknown };

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export function jsonDifferences(got: unknown, expected: unknown, path = "$", out: Difference[] = []): Difference[] {
  if (kindOf(got) !== kindOf(expected)) {
    out.push({ path, got, expected });
  } else if (Array.isArray(got) && Array.isArray(expected)) {
    const n = Math.max(got.length, expected.length);
    for (let i = 0; i < n; i++) jsonDifferences(got[i], expected[i], `${path}[${i}]`, out);
  } else if (kindOf(got) === "object") {
    const g = got as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    for (const key of new Set([...Object.keys(e), ...Object.keys(g)])) {
      if (!(key in g)) out.push({ path: `${path}.${key}`, got: "(missing)", expected: e[key] });
      else if (!(key in e)) out.push({ path: `${path}.${key}`, got: g[key], expected: "(absent)" });
      else jsonDifferences(g[key], e[key], `${path}.${key}`, out);
    }
  } else if (got !== expected) {
    out.push({ path, got, expected });
  }
  return out;
}

export type FieldScore = { matched: number; total: number };

/**
 * Per-field score: every leaf of `expected` (a scalar, or an empty array/object) is one field,
 * matched when `got` holds the same value at the same path.
 */
export function scoreFields(got: unknown, expected: unknown): FieldScore {
  if (Array.isArray(expected) && expected.length > 0) {
    const list = Array.isArray(got) ? got : [];
    return expected.reduce<FieldScore>((acc, v, i) => add(acc, scoreFields(list[i], v)), { matched: 0, total: 0 });
  }
  if (kindOf(expected) === "object" && Object.keys(expected as object).length > 0) {
    const obj = kindOf(got) === "object" ? (got as Record<string, unknown>) : {};
    return Object.entries(expected as Record<string, unknown>).reduce<FieldScore>((acc, [k, v]) => add(acc, scoreFields(obj[k], v)), {
      matched: 0,
      total: 0,
    });
  }
  return { matched: jsonDifferences(got, expected).length === 0 ? 1 : 0, total: 1 };
}

function add(a: FieldScore, b: FieldScore): FieldScore {
  return { matched: a.matched + b.matched, total: a.total + b.total };
}

export function describeDifferences(differences: Difference[], limit = 25): string {
  const show = (v: unknown): string => {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 160 ? `${s.slice(0, 157)}...` : s;
  };
  const lines = differences.slice(0, limit).map((d) => `  ${d.path}: got ${show(d.got)}, expected ${show(d.expected)}`);
  if (differences.length > limit) lines.push(`  … and ${differences.length - limit} more`);
  return lines.join("\n");
}
