import type { Mail } from "./send-mail";

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const ARTICLE = (role: string) => (/^[aeiou]/.test(role) ? "an" : "a");

/** The invitation email: who invites whom to which group, the link, and until when it works. */
export function inviteEmail(opts: { to: string; groupName: string; inviterName: string; role: string; url: string; expiresAt: Date }): Mail {
  const until = opts.expiresAt.toUTCString().replace(/ \d\d:\d\d:\d\d GMT$/, "");
  const subject = `${opts.inviterName} invited you to ${opts.groupName} on Marginalia`;
  const text = [
    `${opts.inviterName} invited you to join “${opts.groupName}” on Marginalia as ${ARTICLE(opts.role)} ${opts.role}.`,
    "",
    "Open this link to join (you can create an account on the way):",
    opts.url,
    "",
    `The link works until ${until}. If you did not expect this email, you can ignore it.`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: Georgia, serif; color: #231d18; line-height: 1.5">
<p>${escapeHtml(opts.inviterName)} invited you to join <strong>${escapeHtml(opts.groupName)}</strong> on Marginalia as ${ARTICLE(opts.role)} ${escapeHtml(opts.role)}.</p>
<p><a href="${escapeHtml(opts.url)}" style="display: inline-block; padding: 10px 18px; background: #0f6465; color: #ffffff; border-radius: 6px; text-decoration: none">Join ${escapeHtml(opts.groupName)}</a></p>
<p style="color: #6b625a; font-size: 14px">Or paste this link into your browser: ${escapeHtml(opts.url)}<br>It works until ${escapeHtml(until)}. If you did not expect this email, you can ignore it.</p>
</body></html>`;
  return { to: opts.to, subject, text, html };
}
