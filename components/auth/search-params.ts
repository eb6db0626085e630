/** Next 16 page props: searchParams arrive as a Promise. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of a query parameter, or "". */
export function param(params: Record<string, string | string[] | undefined>, key: string): string {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** A same-site path to return to after signing in; anything else is dropped. */
export function safeCallbackUrl(value: string): string {
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "";
}

/** Link to the other auth page, carrying the callback URL along. */
export function withCallback(path: string, callbackUrl: string): string {
  return callbackUrl ? `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}` : path;
}
