/** A Content-Disposition for a download: an ASCII fallback name and the full UTF-8 one (RFC 6266). */
export function attachmentDisposition(title: string, extension: string): string {
  const base = title.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").toLowerCase().slice(0, 80) || "document";
  const full = `${title.trim().slice(0, 120) || "document"} - annotations.${extension}`;
  return `attachment; filename="${base}-annotations.${extension}"; filename*=UTF-8''${encodeURIComponent(full).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
