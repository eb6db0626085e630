import type { PresentedNotification } from "../presenters/moderation";
import type { Mail } from "./send-mail";

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const VERB: Record<string, string> = {
  mention: "mentioned you",
  reply: "replied",
  activity: "annotated a text you follow",
  flag: "An annotation was flagged",
  pending: "posted something awaiting approval",
};

/** One line per entry: who did what, where. */
function line(n: PresentedNotification): string {
  const who = n.kind === "flag" ? "" : `${n.actor?.name ?? "Someone"} `;
  const where = n.annotation ? ` in “${n.annotation.documentTitle}”` : "";
  return `${who}${VERB[n.kind] ?? n.kind}${where} (${n.group.name})`;
}

/** The daily digest: unread notifications since the last one, each with its link. */
export function digestEmail(opts: { to: string; name: string; items: PresentedNotification[]; inboxUrl: string }): Mail {
  const count = opts.items.length;
  const subject = `Marginalia: ${count} new notification${count === 1 ? "" : "s"}`;
  const text = [
    `Hello ${opts.name},`,
    "",
    `Here is what happened in your groups since the last digest:`,
    "",
    ...opts.items.flatMap((n) => [`• ${line(n)}`, n.annotation?.excerpt ? `  “${n.annotation.excerpt}”` : "", `  ${n.url}`]).filter(Boolean),
    "",
    `Your inbox: ${opts.inboxUrl}`,
    "You get this email because daily digests are on in your settings.",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: Georgia, serif; color: #231d18; line-height: 1.5">
<p>Hello ${escapeHtml(opts.name)},</p>
<p>Here is what happened in your groups since the last digest:</p>
<ul style="padding-left: 18px">${opts.items
    .map((n) => `<li style="margin-bottom: 10px"><a href="${escapeHtml(n.url)}" style="color: #0f6465">${escapeHtml(line(n))}</a>${n.annotation?.excerpt ? `<br><span style="color: #6b625a">“${escapeHtml(n.annotation.excerpt)}”</span>` : ""}</li>`)
    .join("")}</ul>
<p><a href="${escapeHtml(opts.inboxUrl)}" style="color: #0f6465">Open your inbox</a></p>
<p style="color: #6b625a; font-size: 14px">You get this email because daily digests are on in your settings.</p>
</body></html>`;
  return { to: opts.to, subject, text, html };
}
