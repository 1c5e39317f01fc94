import { readdirSync, readFileSync } from "node:fs";
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { FAST_PATHS_ACTIVE, parseDocument } from "../../server/pacer/html5-tokenizer";
import { FIXTURES_DIR } from "./fixtures";

/**
 * The tokenizer's fast paths must build exactly the tree parse5 builds on its own: compared here
 * node by node (names, namespaces, attributes in order, every text node's exact text, template
 * contents) on every PACER fixture and on generated pages made of what the fast paths must stop
 * at or treat differently — character references, CR and CRLF, NUL, surrogates, upper-case and
 * non-ASCII names, text in tables, `<pre>`'s leading newline, scripts, foreign content, pages
 * longer than parse5's 64 KB buffer.
 */

type DefaultNode = DefaultTreeAdapterMap["node"];

/** The tree as nested arrays: every field that distinguishes two parses. */
function dump(node: DefaultNode): unknown {
  if (defaultTreeAdapter.isTextNode(node)) return ["#text", node.value];
  if (defaultTreeAdapter.isCommentNode(node)) return ["#comment", node.data];
  if (defaultTreeAdapter.isDocumentTypeNode(node)) return ["#doctype", node.name, node.publicId, node.systemId];
  const children = defaultTreeAdapter.getChildNodes(node as DefaultTreeAdapterMap["parentNode"]).map(dump);
  if (!defaultTreeAdapter.isElementNode(node))
    return ["#document", defaultTreeAdapter.getDocumentMode(node as DefaultTreeAdapterMap["document"]), children];
  const attrs = node.attrs.map((a) => [a.name, a.value, a.namespace ?? null, a.prefix ?? null]);
  const content = "content" in node ? dump(node.content as DefaultNode) : null;
  return [node.tagName, node.namespaceURI, attrs, content, children];
}

function expectSameTree(html: string, label: string): void {
  let stock: unknown;
  try {
    stock = dump(parse(html));
  } catch (error) {
    // parse5 itself fails on some lone surrogates (the PACER parsers remove them first): so must this.
    expect(() => parseDocument(html, { treeAdapter: defaultTreeAdapter }), label).toThrow((error as Error).message);
    return;
  }
  const fast = dump(parseDocument(html, { treeAdapter: defaultTreeAdapter }));
  expect(fast, label).toEqual(stock);
}

function allFixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFixtureFiles(`${dir}${entry.name}/`) : entry.name.endsWith(".json") ? [] : [`${dir}${entry.name}`],
  );
}

/** A small deterministic generator (mulberry32), so a failing page can be made again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  // Text and whitespace of every kind the fast paths group or stop at.
  "Notice of Appearance",
  "  ",
  " \t ",
  "\n",
  "\r\n",
  "\r",
  "\f",
  "\r\r\n\n",
  "word",
  "x",
  "é",
  "ü ß",
  "😀",
  "\ud83d",
  "\ude00",
  "\u0000",
  "\u00a0",
  "\u2028",
  "a\u0000b",
  "\r\nline",
  " \n  ",
  // Character references, complete, legacy, ambiguous and broken.
  "&amp;",
  "&amp",
  "&nbsp;",
  "&#32;",
  "&#x0a;",
  "&#10;",
  "&#13;",
  "&#0;",
  "&#x1F600;",
  "&notin;",
  "&notit;",
  "&ampfoo",
  "&",
  "& ",
  "&#",
  "&#x;",
  "&lt",
  // Tags: table structure (text in tables is foster-parented), formatting (adoption agency), odd names.
  "<table>",
  "</table>",
  "<tr>",
  "</tr>",
  "<td>",
  "</td>",
  "<th>",
  "<tbody>",
  "<caption>",
  "</caption>",
  "<colgroup>",
  "<col>",
  "<b>",
  "</b>",
  "<i>",
  "</i>",
  "<u>",
  "<a href='x'>",
  "</a>",
  "<font size=2>",
  "</font>",
  "<p>",
  "</p>",
  "<br>",
  "</br>",
  "<p/>",
  "<TD>",
  "<TABLE BORDER=1>",
  '<Div Class="A">',
  "</DIV>",
  "<tÉst>",
  "<x-y:z a:b=1>",
  "<td\u0000>",
  '<a\r\nhref="y">',
  "<pre>",
  "<pre>\n",
  "<pre>\r\n",
  "</pre>",
  "<listing>\n",
  "<textarea>\nx</textarea>",
  "<title>a &amp; b</title>",
  "<script>if (a < b && c) { x = '</p>'; }</script>",
  "<script>\n<!-- hidden <script> -->\n</script>",
  "<style>p { }</style>",
  "<svg><title>t</title><text> a b </text></svg>",
  "<math><mi>x</mi> y </math>",
  "<svg><![CDATA[ raw ]]></svg>",
  "<template><td> t </td></template>",
  "<select><option> o </option></select>",
  "<frameset>",
  "<frame>",
  "</frameset>",
  "<noscript> n </noscript>",
  "<head>",
  "</head>",
  "<body>",
  "</body>",
  "<html lang=en>",
  "</html>",
  "<!DOCTYPE html>",
  "<!-- c -->",
  "<!--->",
  "<?php x ?>",
  // Attributes: quoted each way, bare, empty, duplicated, upper-case, with references and line breaks.
  "<a href=\"/cgi-bin/show_doc.pl?caseid=1&de_seq_num=2\" onclick=\"goDLS('/doc1/1','2','3','','','1','','');return(false);\">",
  "<input type=checkbox name=arr_de_seq_nums value=12>",
  '<input VALUE=\'a"b\' Value="dup">',
  "<img src=x alt= >",
  "<a title=\"line\nbreak\r\nhere\" b='c&amp;d' e=f&g h=`i`>",
  '<a =x y"z=1 w<v=2>',
  '<a href="\ud83d\ude00">',
  "<a href=>",
];

function generatedPage(next: () => number): string {
  const count = 20 + Math.floor(next() * 200);
  let html = next() < 0.7 ? "<!DOCTYPE html>" : "";
  for (let i = 0; i < count; i++) html += PIECES[Math.floor(next() * PIECES.length)];
  return html;
}

describe("parse5 with the text fast paths", () => {
  it("passed its probe of parse5's internals (else every parse falls back on parse5's own tokenizer)", () => {
    expect(FAST_PATHS_ACTIVE).toBe(true);
  });

  it("builds parse5's own tree for every PACER fixture", () => {
    const files = allFixtureFiles(FIXTURES_DIR);
    expect(files.length).toBeGreaterThan(100);
    for (const path of files) expectSameTree(readFileSync(path, "utf8"), path);
  });

  it("builds parse5's own tree where whitespace and text must stay apart, or join as text", () => {
    const pages = [
      "<pre>\nword more</pre><listing>\r\n  x</listing><textarea>\n\ny</textarea>",
      "\n  <html> <head> <title> t </title> </head> <body> x </body> </html> \n ",
      "<table> <tr> <td> a b </td> </tr> x y <tr><td>z</td></tr></table>",
      // Text after whitespace from a character reference makes the page no longer frameset-ok.
      "<p>&#32;x<frameset><frame></frameset>",
      "<div>&#10; <frameset><frame></frameset>",
      "<svg> <desc> a b </desc> c d </svg>",
      "<select> <option> a b </option> c </select>",
    ];
    for (const page of pages) {
      expectSameTree(page, page);
      expectSameTree(`<!DOCTYPE html>${page}`, page);
    }
  });

  it("builds parse5's own tree for generated pages", () => {
    const next = random(18_3);
    for (let i = 0; i < 400; i++) expectSameTree(generatedPage(next), `generated page ${i} (seed 183)`);
  });

  it("builds parse5's own tree for fixtures with pieces spliced in, across its 64 KB buffer", () => {
    const next = random(18_4);
    const district = allFixtureFiles(`${FIXTURES_DIR}district/`).map((path) => readFileSync(path, "utf8"));
    const large = district.filter((html) => html.length > 70_000);
    expect(large.length).toBeGreaterThan(0);
    for (let i = 0; i < 40; i++) {
      let html = (i % 4 === 0 ? large : district)[Math.floor(next() * (i % 4 === 0 ? large.length : district.length))]!;
      for (let splice = 0; splice < 30; splice++) {
        const at = Math.floor(next() * html.length);
        html = html.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + html.slice(at);
      }
      expectSameTree(html, `spliced page ${i} (seed 184)`);
    }
  });

  it("leaves source locations and error reports to parse5's own tokenizer", () => {
    const html = "<p>a  b\r\nc</p>";
    const errors: string[] = [];
    const withLocations = parseDocument(html, { sourceCodeLocationInfo: true, onParseError: (e) => errors.push(e.code) });
    expect(withLocations).toEqual(parse(html, { sourceCodeLocationInfo: true }));
    expect(errors).toEqual(["missing-doctype"]);
  });
});
