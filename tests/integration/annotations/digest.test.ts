import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import createAnnotation from "@/lib/commands/create-annotation";
import sendDigests from "@/lib/commands/send-digests";
import updatePreferences from "@/lib/commands/update-preferences";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember } from "../../factories";
import { startSmtpSink } from "../smtp-sink";

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());
afterEach(() => {
  delete process.env.SMTP_URL;
});

const mention = (documentId: string, exact: string, name: string) => ({
  type: "Annotation",
  body: { type: "TextualBody", value: `What do you think, @[${name}]?` },
  target: { source: `x/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact } },
});

describe("daily digest", () => {
  it("emails unread notifications once a day to those who asked, through SMTP, and only new ones the next day", async () => {
    process.env.SMTP_URL = sink.url;
    const { group, owner } = await createGroup();
    const ada = await createMember(group.id, "member");
    const basil = await createMember(group.id, "member");
    const quiet = await createMember(group.id, "member");
    await db().group.update({ where: { id: group.id }, data: { anonymousToPeers: true } });
    await updatePreferences({ actorId: basil.id, input: { digestEmail: true } });
    await updatePreferences({ actorId: quiet.id, input: { digestEmail: false } });
    const doc = await createDocumentIn(group.id, owner.id, "Alpha beta gamma delta.");
    await createAnnotation({ actorId: ada.id, documentId: doc.id, input: mention(doc.id, "beta", basil.name) });
    await createAnnotation({ actorId: ada.id, documentId: doc.id, input: mention(doc.id, "gamma", quiet.name) });

    // Other test files share the database: count only this group's people.
    const userIds = [owner.id, ada.id, basil.id, quiet.id];
    const before = sink.received.length;
    const now = new Date();
    expect(await sendDigests({ origin: "https://seminar.example", now, userIds })).toEqual({ due: 1, sent: 1 });
    const mails = sink.received.slice(before);
    expect(mails.map((m) => m.to)).toEqual([[basil.email]]);
    const body = mails[0].data.replace(/=\r\n/g, "");
    expect(body).toContain("mentioned you");
    expect(body).toContain("https://seminar.example/inbox");
    // Anonymous to peers: the digest does not name the writer either.
    expect(body.includes(ada.name)).toBe(false);

    // Within the day: nothing. A day later: only what is new.
    expect(await sendDigests({ origin: "https://seminar.example", now: new Date(now.getTime() + 3600_000), userIds })).toEqual({ due: 0, sent: 0 });
    const later = new Date(now.getTime() + 25 * 3600_000);
    expect(await sendDigests({ origin: "https://seminar.example", now: later, userIds })).toEqual({ due: 1, sent: 0 });
    await createAnnotation({ actorId: ada.id, documentId: doc.id, input: mention(doc.id, "delta", basil.name) });
    expect(await sendDigests({ origin: "https://seminar.example", now: later, userIds })).toEqual({ due: 1, sent: 1 });
  });

  it("leaves out what hide-and-reveal holds back again: a mention stays out of the digest once its reader withdraws their only post", async () => {
    process.env.SMTP_URL = sink.url;
    const { group, owner } = await createGroup();
    const ada = await createMember(group.id, "member");
    const basil = await createMember(group.id, "member");
    await updatePreferences({ actorId: basil.id, input: { digestEmail: true } });
    const doc = await createDocumentIn(group.id, owner.id, "Alpha beta gamma delta.");
    await db().document.update({ where: { id: doc.id }, data: { hideUntilPosted: true } });
    const own = await createAnnotation({ actorId: basil.id, documentId: doc.id, input: { ...mention(doc.id, "alpha", ada.name), body: { type: "TextualBody", value: "My reading" } } });
    await createAnnotation({ actorId: ada.id, documentId: doc.id, input: mention(doc.id, "beta", basil.name) });
    expect(await db().notification.count({ where: { userId: basil.id, kind: "mention" } })).toBe(1);

    await db().annotation.update({ where: { id: own.annotation.id }, data: { deletedAt: new Date() } });
    const userIds = [owner.id, ada.id, basil.id];
    expect(await sendDigests({ origin: "https://seminar.example", userIds })).toEqual({ due: 1, sent: 0 });
  });

  it("keeps the notifications for the next run when the mail server is down", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    const { group, owner } = await createGroup();
    const [ada, basil] = [await createMember(group.id, "member"), await createMember(group.id, "member")];
    await updatePreferences({ actorId: basil.id, input: { digestEmail: true } });
    const doc = await createDocumentIn(group.id, owner.id, "Alpha beta.");
    await createAnnotation({ actorId: ada.id, documentId: doc.id, input: mention(doc.id, "beta", basil.name) });
    const result = await sendDigests({ origin: "https://seminar.example", userIds: [owner.id, ada.id, basil.id] });
    expect(result.sent).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: basil.id } })).lastDigestAt).toBeNull();
  });
});
