/**
 * The Content-Security-Policy of every page: scripts run only with this response's nonce (Next
 * puts it on its own bootstrap and chunk scripts when it finds the policy on the request), and
 * 'strict-dynamic' lets those load the chunks they need; nothing inline or injected runs.
 * Styles stay 'unsafe-inline': the editor and React set style attributes, which cannot carry a nonce.
 */
export function contentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh unguessable nonce per response (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
