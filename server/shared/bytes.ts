/**
 * A size as people read it, the same on every page, message and document: "8 KB", "20 MB",
 * "12.3 MB" (binary units, as MAX_UPLOAD_BYTES counts them; a whole number drops its ".0").
 */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}
