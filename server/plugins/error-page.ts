import type { FieldError } from "../errors";
import { paths } from "../paths";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Sign in required",
  403: "Not allowed",
  404: "Page not found",
  405: "Not allowed here",
  409: "Conflict",
  412: "Precondition failed",
  413: "Too large",
  415: "Unsupported media type",
  422: "Check the form",
  428: "Precondition required",
  429: "Too many requests",
  500: "Something went wrong",
};

/** What a reader who landed on an error can do next, said once per status. */
const NEXT_STEP: Record<number, string> = {
  400: "If you followed a link here, the link is broken; the pages below lead to every public record.",
  404: "The address may be mistyped, or the page may have moved or been taken down. Every public record can be reached from the pages below.",
  500: "Try again in a moment. If it keeps happening, the people running this tracker can find the details in its log.",
};

export type ErrorPageView = {
  title: string;
  status: number;
  message: string;
  nextStep: string | null;
  errors: FieldError[] | undefined;
  links: { href: string; label: string }[];
};

/** The error page: the plain-words message, what to do next, and places to go from here. */
export function toErrorPageView(described: { status: number; message: string; errors?: FieldError[] }, signedIn: boolean): ErrorPageView {
  const links = [
    { href: paths.home(), label: "The overview" },
    { href: paths.cases(), label: "Every case" },
    { href: paths.subpoenas(), label: "Every subpoena" },
    { href: paths.timeline(), label: "The timeline" },
  ];
  if (signedIn) links.push({ href: paths.staff(), label: "Staff pages" });
  return {
    title: TITLES[described.status] ?? "Error",
    status: described.status,
    message: described.message,
    nextStep: NEXT_STEP[described.status] ?? null,
    errors: described.errors,
    links,
  };
}
