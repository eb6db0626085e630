import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import * as documentRoute from "@/app/api/v1/documents/[documentId]/route";
import * as groups from "@/app/api/v1/groups/route";
import { disconnectDb } from "@/lib/db";
import { formError, UNAVAILABLE_MESSAGE } from "@/lib/http/action";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../../factories";
import { proxyFor, type TcpProxy } from "../../faults/tcp-proxy";
import { call } from "../http";
import { annotationOn, w3c } from "../w3c/helpers";

let proxy: TcpProxy;
const real = inject("databaseUrl");
beforeAll(async () => {
  // The app's client talks to the database through a proxy the test cuts: a database that went away.
  proxy = await proxyFor(real);
  await disconnectDb();
  process.env.DATABASE_URL = proxy.url(real);
});
afterAll(async () => {
  await proxy.restore();
  await disconnectDb();
  process.env.DATABASE_URL = real;
  await proxy.stop();
});

describe("API requests while the database cannot be reached", () => {
  it("answer 503 unavailable with Retry-After (never 500), and work again once it is back", async () => {
    const { group, owner } = await createGroup();
    const member = await createMember(group.id, "member");
    const document = await createDocumentIn(group.id, owner.id, "The quick brown fox jumps over the lazy dog.");
    const [ownerToken, memberToken] = [await tokenFor(owner.id), await tokenFor(member.id)];

    await proxy.cut();
    const attempts = [
      await w3c(container.POST, { method: "POST", token: memberToken, params: { documentId: document.id }, json: annotationOn(document.id, "lazy dog") }),
      await call(documentRoute.PATCH, { method: "PATCH", token: ownerToken, params: { documentId: document.id }, json: { title: "Renamed" } }),
      await call(groups.POST, { method: "POST", token: ownerToken, json: { name: "Another group" } }),
      await call(documentRoute.GET, { token: ownerToken, params: { documentId: document.id } }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(503);
      expect(response.data.error.code).toBe("unavailable");
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }

    await proxy.restore();
    const posted = await w3c(container.POST, { method: "POST", token: memberToken, params: { documentId: document.id }, json: annotationOn(document.id, "lazy dog") });
    expect(posted.status).toBe(201);
  });

  it("turn into a form message that says nothing was saved, for server actions", async () => {
    await proxy.cut();
    try {
      const error = await createGroup().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(formError(error, { name: "kept" })).toEqual({ error: UNAVAILABLE_MESSAGE, values: { name: "kept" } });
    } finally {
      await proxy.restore();
    }
  });
});
