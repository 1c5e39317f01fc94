import { Parser, Token, Tokenizer, type ParserOptions, type TreeAdapterTypeMap } from "parse5";

/**
 * parse5's HTML5 parser with faster text: the same tokenizer state machine and tree builder,
 * with fast paths where it spends its time on PACER pages.
 *
 * parse5 reads its input one code point at a time. In the data state it appends each character
 * to the pending character token (`chars += ch`), and it ends that token wherever text turns from
 * whitespace to non-whitespace or back, so "Notice of Appearance" reaches the tree builder as five
 * tokens, each dispatched through the insertion mode and appended to the text node in turn. Tag
 * names, attribute names and values are built the same way, one character at a time. A docket
 * report is mostly text, table tags and long `href`s, so this was about half of the parse.
 *
 * The fast paths below take a whole run of ordinary characters at once (a slice of the input)
 * and stop before anything the state machine treats specially (`<`, `&`, NUL, CR, a surrogate,
 * the closing quote, non-ASCII in a name), which it then reads as before. Where whitespace and
 * other text are inserted alike (the "in body", "in caption" and "in cell" insertion modes, and
 * a script's text), a run of words and spaces becomes one token: the tree builder does the same
 * for it as for the words and spaces one by one (reconstruct the active formatting elements, a
 * no-op the second time; insert the text, which joins the same text node; mark the page as no
 * longer frameset-ok, which the first word did anyway). Everywhere else (tables, the head,
 * `<pre>`'s leading newline, foreign content) whitespace and text stay separate tokens, as parse5
 * makes them. The tree is parse5's own: `test/pacer/html5-tokenizer.test.ts` compares the two,
 * node by node, on every PACER fixture and on generated pages full of what the fast paths must
 * stop at.
 *
 * The fast paths use parse5 7's internals (the preprocessor's buffer and position, the tokenizer's
 * pending token, the parser's insertion mode). A probe at module load checks them and finds the
 * insertion modes' numbers; if anything is not as expected, parsing falls back on parse5's own
 * tokenizer, and `FAST_PATHS_ACTIVE` says so (a test fails then).
 */

const CHARACTER = Token.TokenType.CHARACTER;
const WHITESPACE = Token.TokenType.WHITESPACE_CHARACTER;

/** How a text state's fast path sees a UTF-16 unit. */
const enum Kind {
  /** Left to the state machine (`<`, NUL, CR which becomes LF or is dropped before one, surrogates…). */
  Special = 0,
  Text = 1,
  /** The HTML5 whitespace parse5 groups: space, tab, LF, FF. */
  Space = 2,
}

function textKinds(special: string): Uint8Array {
  const kinds = new Uint8Array(0x10000).fill(Kind.Text);
  for (const c of `${special}\0\r`) kinds[c.charCodeAt(0)] = Kind.Special;
  kinds.fill(Kind.Special, 0xd800, 0xe000);
  for (const c of " \t\n\f") kinds[c.charCodeAt(0)] = Kind.Space;
  return kinds;
}
/** The data state (text between tags): `<` and `&` are special. */
const DATA_KINDS = textKinds("<&");
/** A script's text: only `<` is special (no character references). */
const SCRIPT_KINDS = textKinds("<");

/**
 * The units a run in an attribute or tag name state may hold: printable ASCII (so that lower-
 * casing the run lower-cases ASCII letters only, as parse5 does) other than `special`.
 */
function nameUnits(special: string): Uint8Array {
  const ordinary = new Uint8Array(0x10000);
  ordinary.fill(1, 0x21, 0x7f);
  for (const c of special) ordinary[c.charCodeAt(0)] = 0;
  return ordinary;
}
const TAG_NAME = nameUnits("/>");
const ATTRIBUTE_NAME = nameUnits("/>=\"'<");

/** The units a run in an attribute value state may hold: not `special`, NUL, CR, LF or a surrogate. */
function valueUnits(special: string): Uint8Array {
  const ordinary = new Uint8Array(0x10000).fill(1);
  for (const c of `${special}\0\r\n`) ordinary[c.charCodeAt(0)] = 0;
  return ordinary.fill(0, 0xd800, 0xe000);
}
const DOUBLE_QUOTED = valueUnits('"&');
const SINGLE_QUOTED = valueUnits("'&");
const UNQUOTED = valueUnits(" \t\f&>\"'<=`");

/** The preprocessor fields the fast paths read and move on. */
type Input = { html: string; pos: number };
type PendingCharacters = { type: Token.TokenType; chars: string } | null;
/** The parser state that decides whether whitespace may join the text around it. */
type TreeBuilderState = { insertionMode: number; skipNextNewLine: boolean };
type TagToken = { tagName: string };

/**
 * Insertion modes where character and whitespace tokens are both inserted as body text ("in
 * body", "in caption", "in cell"), and the one for a script's text ("text"); found by the probe.
 */
let bodyTextModes: readonly number[] = [];
let textMode = -1;

class FastTextTokenizer extends Tokenizer {
  treeBuilder: TreeBuilderState | null = null;

  private get input(): Input {
    return this.preprocessor as unknown as Input;
  }

  protected override _stateData(cp: number): void {
    const builder = this.treeBuilder!;
    const mixed = !this.inForeignNode && !builder.skipNextNewLine && bodyTextModes.includes(builder.insertionMode);
    if (!this.textRun(cp, DATA_KINDS, mixed)) super._stateData(cp);
  }

  protected override _stateScriptData(cp: number): void {
    const builder = this.treeBuilder!;
    const mixed = !this.inForeignNode && !builder.skipNextNewLine && builder.insertionMode === textMode;
    if (!this.textRun(cp, SCRIPT_KINDS, mixed)) super._stateScriptData(cp);
  }

  /**
   * Appends the run of text from `pos` to the pending character token: one kind of unit (text or
   * whitespace) as parse5 groups them, or both when `mixed`. False when `cp` is special.
   */
  private textRun(cp: number, kinds: Uint8Array, mixed: boolean): boolean {
    const input = this.input;
    const html = input.html;
    const start = input.pos;
    // The unit at `pos` is `cp` unless the preprocessor changed it (a CR read as LF).
    const kind = cp < 0x10000 && html.charCodeAt(start) === cp ? kinds[cp]! : Kind.Special;
    if (kind === Kind.Special) return false;
    let end = start + 1;
    let text = kind === Kind.Text;
    for (let k: number; end < html.length; end++) {
      k = kinds[html.charCodeAt(end)]!;
      if (k === Kind.Special || (!mixed && k !== kind)) break;
      if (k === Kind.Text) text = true;
    }
    const run = end === start + 1 ? html[start]! : html.slice(start, end);
    const pending = this.currentCharacterToken as PendingCharacters;
    if (mixed && pending !== null && (pending.type === CHARACTER || pending.type === WHITESPACE)) {
      pending.chars += run;
      if (text) pending.type = CHARACTER;
    } else {
      // May emit the pending token, and so drop the parsed part of the buffer: `pos` can move.
      this._appendCharToCurrentCharacterToken(text ? CHARACTER : WHITESPACE, run);
    }
    this.skip(input, start, end);
    return true;
  }

  protected override _stateTagName(cp: number): void {
    const run = this.run(cp, TAG_NAME);
    if (run === null) super._stateTagName(cp);
    else (this.currentToken as unknown as TagToken).tagName += run.toLowerCase();
  }

  protected override _stateAttributeName(cp: number): void {
    const run = this.run(cp, ATTRIBUTE_NAME);
    if (run === null) super._stateAttributeName(cp);
    else this.currentAttr.name += run.toLowerCase();
  }

  protected override _stateAttributeValueDoubleQuoted(cp: number): void {
    const run = this.run(cp, DOUBLE_QUOTED);
    if (run === null) super._stateAttributeValueDoubleQuoted(cp);
    else this.currentAttr.value += run;
  }

  protected override _stateAttributeValueSingleQuoted(cp: number): void {
    const run = this.run(cp, SINGLE_QUOTED);
    if (run === null) super._stateAttributeValueSingleQuoted(cp);
    else this.currentAttr.value += run;
  }

  protected override _stateAttributeValueUnquoted(cp: number): void {
    const run = this.run(cp, UNQUOTED);
    if (run === null) super._stateAttributeValueUnquoted(cp);
    else this.currentAttr.value += run;
  }

  /** The run of `ordinary` units from `pos`, moved past; null when `cp` is not one. */
  private run(cp: number, ordinary: Uint8Array): string | null {
    const input = this.input;
    const html = input.html;
    const start = input.pos;
    if (cp >= 0x10000 || html.charCodeAt(start) !== cp || ordinary[cp] === 0) return null;
    let end = start + 1;
    while (end < html.length && ordinary[html.charCodeAt(end)] === 1) end++;
    this.skip(input, start, end);
    return end === start + 1 ? html[start]! : html.slice(start, end);
  }

  /**
   * Moves past the run `html[start..end)`, whose first unit the preprocessor has already read (the
   * buffer may have been cut since `html` was read, re-basing `pos`). Line and column counts are
   * not kept up to date: only source locations and error reports use them, and a parse that asks
   * for either does not use the fast paths.
   */
  private skip(input: Input, start: number, end: number): void {
    this.consumedAfterSnapshot += end - 1 - start;
    input.pos += end - 1 - start;
  }
}

class FastTextParser<T extends TreeAdapterTypeMap> extends Parser<T> {
  constructor(options: ParserOptions<T>) {
    super(options);
    const tokenizer = new FastTextTokenizer(this.options, this);
    tokenizer.treeBuilder = this;
    this.tokenizer = tokenizer;
  }
}

/**
 * Whether parse5's internals are what the fast paths expect, and which insertion modes are
 * "in body", "in caption" and "in cell" (parse5 does not export their numbers): a few tiny
 * documents are parsed up to a known point, and the parser's state is read there.
 */
function probe(): boolean {
  const modeAfter = (html: string): number | undefined => {
    const parser = new Parser({});
    parser.tokenizer.write(html, false);
    const input = parser.tokenizer.preprocessor as unknown as Partial<Input>;
    const fields = typeof input.html === "string" && typeof input.pos === "number";
    const pending = (parser.tokenizer as unknown as { currentCharacterToken?: unknown }).currentCharacterToken;
    return fields && pending !== undefined && typeof parser.skipNextNewLine === "boolean" ? parser.insertionMode : undefined;
  };
  const body = modeAfter("<!DOCTYPE html><body>x");
  const caption = modeAfter("<!DOCTYPE html><table><caption>x");
  const cell = modeAfter("<!DOCTYPE html><table><tr><td>x");
  const table = modeAfter("<!DOCTYPE html><table>");
  const text = modeAfter("<!DOCTYPE html><script>x");
  const modes = [body, caption, cell, table, text];
  if (modes.some((mode) => typeof mode !== "number") || new Set(modes).size !== modes.length) return false;
  bodyTextModes = [body!, caption!, cell!];
  textMode = text!;
  return typeof (Tokenizer.prototype as unknown as Record<string, unknown>)._stateData === "function";
}

/** Whether parsing uses the fast paths (parse5's internals passed the probe). */
export const FAST_PATHS_ACTIVE = probe();

/** parse5's `parse(html, options)`, with the fast paths when they are active. */
export function parseDocument<T extends TreeAdapterTypeMap>(html: string, options: ParserOptions<T>): T["document"] {
  // Source locations and error reports need the per-character bookkeeping the fast paths skip.
  const plain = !options.sourceCodeLocationInfo && !options.onParseError;
  const parser = FAST_PATHS_ACTIVE && plain ? new FastTextParser(options) : new Parser(options);
  parser.tokenizer.write(html, true);
  return parser.document;
}
