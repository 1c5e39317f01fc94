import { paths } from "../paths";

/** The tabs of a case, as CourtListener's docket has them: the docket and the authorities its filings cite. */
export function caseTabs(caseSlug: string, current: "docket" | "authorities" | null) {
  return [
    { label: "Docket", href: paths.case(caseSlug), current: current === "docket" },
    { label: "Authorities", href: paths.caseAuthorities(caseSlug), current: current === "authorities" },
  ];
}
