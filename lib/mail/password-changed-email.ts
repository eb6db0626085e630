import type { Mail } from "./send-mail";

/** Tells the account's owner their password changed, so a change they did not make does not go unnoticed. */
export function passwordChangedEmail(opts: { to: string; name: string; tokensRevoked: number; when: Date }): Mail {
  const when = opts.when.toUTCString();
  const tokens = opts.tokensRevoked === 1 ? "1 API token was" : `${opts.tokensRevoked} API tokens were`;
  const subject = "Your Marginalia password was changed";
  const text = [
    `Hello ${opts.name},`,
    "",
    `The password of your Marginalia account was changed on ${when}. Every other signed-in browser was signed out and ${tokens} revoked.`,
    "",
    "If this was not you, ask the administrator of your Marginalia instance to reset your password at once.",
  ].join("\n");
  const escape = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const html = `<!doctype html><html><body style="font-family: Georgia, serif; color: #231d18; line-height: 1.5">
<p>Hello ${escape(opts.name)},</p>
<p>The password of your Marginalia account was changed on ${escape(when)}. Every other signed-in browser was signed out and ${escape(tokens)} revoked.</p>
<p style="color: #6b625a; font-size: 14px">If this was not you, ask the administrator of your Marginalia instance to reset your password at once.</p>
</body></html>`;
  return { to: opts.to, subject, text, html };
}
