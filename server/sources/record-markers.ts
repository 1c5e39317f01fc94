import { markersFor, type SourceMarker, type Citation } from "./markers";

/**
 * Markers for a record as a whole (beside its title). When no source backs the whole record but
 * sources back its fields, those are the record's sources, so the title still shows them.
 */
export function recordMarkers(citations: Citation[] | undefined): SourceMarker[] {
  const whole = markersFor(citations);
  if (whole.length || !citations?.length) return whole;
  return markersFor(citations.map((c) => ({ ...c, field: null })));
}
