import { afterAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { FACTORY_PASSWORD, sessionCookieFor } from "../factories";
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
    // Signing out cannot end the session now: the page says so, and the browser keeps its cookie
    // rather than looking signed out while the session stays valid.
    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    const heading = page.getByRole("heading", { name: "Temporarily unavailable" });
    await expect.poll(() => heading.isVisible(), { timeout: 15_000 }).toBe(true);
    expect((await page.context().cookies()).map((c) => c.name)).toContain(name);

    await page.goto("/groups");
    await expect.poll(() => heading.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText("Your work is safe", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "Something went wrong" }).count()).toBe(0);
    await page.screenshot({ path: "tests/e2e/artifacts/faults-temporarily-unavailable.png" });

    // Signing in with the right password meanwhile: "try again shortly", never "wrong password".
    const visitor = await newPage(browser, app.baseUrl);
    await visitor.goto("/signin");
    await visitor.getByLabel("Email").fill(scene.owner.email);
    await visitor.getByLabel("Password").fill(FACTORY_PASSWORD);
    await visitor.getByRole("button", { name: "Sign in" }).click();
    const unavailable = visitor.getByText("can't reach its database", { exact: false });
    await expect.poll(() => unavailable.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await visitor.getByText("Wrong email or password").count()).toBe(0);

    await proxy.restore();
    await page.goto("/groups");
    await expect.poll(() => heading.count(), { timeout: 15_000 }).toBe(0);
    // Still signed in: the groups page, not the sign-in page.
    expect(new URL(page.url()).pathname).toBe("/groups");
    // The same form, submitted again once the database is back, signs in.
    await visitor.getByLabel("Password").fill(FACTORY_PASSWORD);
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await visitor.waitForURL(/\/groups$/, { timeout: 15_000 });
  }, 120_000);
});
