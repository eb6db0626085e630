import { isSafeHref } from "@/lib/editor/links";

const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const BARE_DOMAIN = /^(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}(?::\d+)?(?:[/?#]\S*)?$/u;

/**
 * What someone typed into the link prompt, as an href the schema accepts, or null.
 * Bare domains become https:// and bare e-mail addresses mailto:; every other scheme
 * (javascript:, data:, ftp:) is refused by the shared isSafeHref.
 */
export function normalizeLinkInput(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  if (isSafeHref(value)) return value;
  if (EMAIL.test(value)) return isSafeHref(`mailto:${value}`) ? `mailto:${value}` : null;
  if (BARE_DOMAIN.test(value)) return isSafeHref(`https://${value}`) ? `https://${value}` : null;
  return null;
}
