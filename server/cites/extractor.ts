import { extractCitations } from "../citations";
import type { CitationExtractor } from "./found";

/** The extractor the app links filings with: server/citations, over reporters-db (its README says how). */
export const citationExtractor: CitationExtractor = (text) => extractCitations(text);
