import { paths } from "../paths";

/**
 * What views/layouts/main.hbs prints around every page: its links and stylesheets, built from
 * server/paths.ts like every other URL. The views plugin gives it to every render as `layout`.
 */
export const LAYOUT_VIEW = {
  homeHref: paths.home(),
  stylesheet: paths.assets("site.css"),
  printStylesheet: paths.assets("print.css"),
  // The law students' pages (issue 11).
  studyStylesheet: paths.assets("study.css"),
  nav: [
    { href: paths.home(), label: "Overview" },
    { href: paths.subpoenas(), label: "Subpoenas" },
    { href: paths.cases(), label: "Cases" },
    { href: paths.judges(), label: "Judges" },
    { href: paths.orders(), label: "Orders" },
    { href: paths.calendar(), label: "Calendar" },
    { href: paths.timeline(), label: "Timeline" },
    { href: paths.sources(), label: "Sources" },
    { href: paths.apiDocs(), label: "API" },
  ],
  // A second row of the header, so the first stays short at 390 px.
  studyNav: [
    { href: paths.doctrines(), label: "Doctrine" },
    { href: paths.authorities(), label: "Authorities" },
    { href: paths.arguments(), label: "Arguments" },
    { href: paths.compare(), label: "Compare" },
    { href: paths.patterns(), label: "Patterns" },
  ],
  searchAction: paths.search(),
  staffHref: paths.staff(),
  logoutAction: paths.logout(),
};

export type LayoutView = typeof LAYOUT_VIEW;
