import { afterAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { sessionCookieFor } from "../factories";
import { launchBrowser, newPage } from "../e2e/browser";
import { startApp, type AppInstance } from "./app";
import { createScene } from "./scene";
import { proxyFor, type TcpProxy } from "./tcp-proxy";

let app: AppInstance | undefined;
let proxy: TcpProxy | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await proxy?.stop();
});

describe("pages while the database is away", () => {
  it("say the service is temporarily unavailable and the reader's work is safe, not that something went wrong, and come back with it", async () => {
    const databaseUrl = inject("databaseUrl");
    proxy = await proxyFor(databaseUrl);
    app = await startApp({ DATABASE_URL: proxy.url(databaseUrl), REDIS_URL: undefined, AUTH_SECRET: process.env.AUTH_SECRET, APP_URL: "http://127.0.0.1" });
    const scene = await createScene();
    const [name, value] = (await sessionCookieFor(scene.owner.id)).split("=");
    browser = await launchBrowser();
    const page = await newPage(browser, app.baseUrl);
    await page.context().addCookies([{ name, value, url: app.baseUrl }]);

    await page.goto(`/documents/${scene.document.id}`);
    await expect.poll(() => page.getByText("Seeded once.").first().isVisible(), { timeout: 15_000 }).toBe(true);

    await proxy.cut();
    await page.goto("/groups");
    const heading = page.getByRole("heading", { name: "Temporarily unavailable" });
    await expect.poll(() => heading.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText("Your work is safe", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "Something went wrong" }).count()).toBe(0);
    await page.screenshot({ path: "tests/e2e/artifacts/faults-temporarily-unavailable.png" });

    await proxy.restore();
    await page.goto("/groups");
    await expect.poll(() => heading.count(), { timeout: 15_000 }).toBe(0);
  }, 120_000);
});
