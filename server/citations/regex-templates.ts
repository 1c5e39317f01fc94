/**
 * reporters-db's regex templates (`$volume $reporter,? $page`, with the fragments of
 * regexes.json) turned into JavaScript regular expressions, the way eyecite expands them:
 * comment keys dropped, nested keys flattened with `_`, an `_optional` variant for each, and
 * `$name` substituted until nothing changes (Python's `string.Template` rules).
 */
import type { RegexVariables } from "./reporters-data";

export function flattenVariables(variables: RegexVariables, parent = ""): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(variables)) {
    if (key.endsWith("#")) continue;
    const name = [parent, key].filter(Boolean).join("_");
    if (typeof value === "string") flat[name] = value;
    else Object.assign(flat, flattenVariables(value, name));
  }
  return flat;
}

/** Flattened variables with `_optional` variants, every reference inside them resolved. */
export function processVariables(variables: RegexVariables): Record<string, string> {
  const flat = flattenVariables(variables);
  for (const [key, value] of Object.entries({ ...flat })) flat[`${key}_optional`] = `(?:${value} ?)?`;
  const resolved: Record<string, string> = {};
  for (const [key, value] of Object.entries(flat)) resolved[key] = substituteRecursively(value, flat);
  return resolved;
}

// Python's Template: `$$` is a dollar, `$name` or `${name}` a placeholder (names are ASCII
// identifiers, matched case-insensitively and as long as possible); unknown names stay as written.
const PLACEHOLDER = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)\})/gi;

export function substitute(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, dollar?: string, name?: string, braced?: string) => {
    if (dollar) return "$";
    const key = (name ?? braced)!;
    return Object.hasOwn(values, key) ? values[key]! : whole;
  });
}

export function substituteRecursively(template: string, values: Record<string, string>, maxDepth = 100): string {
  let current = template;
  for (let depth = 0; depth < maxDepth; depth++) {
    const next = substitute(current, values);
    if (next === current) return next;
    current = next;
  }
  throw new Error(`regex template does not settle after ${maxDepth} substitutions: ${template}`);
}

/** Escapes the characters that are syntax in a JavaScript regular expression. */
export function escapeRegex(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/**
 * A reporter abbreviation as a pattern whose periods stay mandatory but whose spacing is free:
 * `N.Y.S.2d` also matches `N. Y. S. 2d`, and `F. Supp. 2d` matches `F.Supp.2d` (eyecite 2.7.7's
 * relaxation). Whitespace may follow every period, the last one included, so a page on the next
 * indented line (`539 U. S.\n  244`) still joins its reporter, as in eyecite.
 */
export function relaxedAbbreviation(name: string): string {
  let out = "";
  const optionalSpace = "\\s*";
  for (const char of name) {
    if (/\s/.test(char)) {
      if (!out.endsWith(optionalSpace)) out += optionalSpace;
    } else if (char === ".") {
      out += `\\.${optionalSpace}`;
    } else {
      out += escapeRegex(char);
    }
  }
  return out;
}

/**
 * Python regex syntax → JavaScript: `(?P<name>` becomes `(?<name>` (a repeated name gets a
 * numbered suffix, which `namedGroup` reads back), and `{,n}` becomes `{0,n}`.
 */
export function pythonToJsRegex(pattern: string): string {
  const seen = new Map<string, number>();
  return pattern
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, (_whole, name: string) => {
      const count = (seen.get(name) ?? 0) + 1;
      seen.set(name, count);
      return count === 1 ? `(?<${name}>` : `(?<${name}__${count}>`;
    })
    .replace(/\{,(\d+)\}/g, "{0,$1}");
}

/** The first defined capture of `name` or of its renamed repeats (`name__2`, …). */
export function namedGroup(groups: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (!groups) return undefined;
  if (groups[name] !== undefined) return groups[name];
  for (let n = 2; `${name}__${n}` in groups; n++) {
    const value = groups[`${name}__${n}`];
    if (value !== undefined) return value;
  }
  return undefined;
}
