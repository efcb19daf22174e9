const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The URL when it is absolute and http, https or mailto; null for anything else (javascript:, data:, relative). */
export function safeUrl(href: string | undefined): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return ALLOWED_PROTOCOLS.has(url.protocol) ? url : null;
  } catch {
    return null;
  }
}
