import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One failed axe rule, trimmed to what a person needs to find and fix it. */
export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string; html: string; summary: string }[] };

/**
 * Runs axe-core on the page as it is now (or only on the elements matching `include`) with every rule it has enabled, experimental and
 * best-practice ones included, and returns the violations. Injected through the DevTools
 * protocol, so the page's Content-Security-Policy neither blocks it nor reports it.
 */
export async function axeViolations(page: Page, include?: string[]): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async (include) => {
    type Axe = {
      getRules: () => { ruleId: string }[];
      run: (context: Document | { include: string[][] }, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[] }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const rules = Object.fromEntries(axe.getRules().map((rule) => [rule.ruleId, { enabled: true }]));
    const result = await axe.run(include ? { include: include.map((selector) => [selector]) } : document, { rules, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(" "), html: n.html.slice(0, 240), summary: (n.failureSummary ?? "").slice(0, 400) })),
    }));
  }, include);
}

/** The violations as readable lines, for a failing assertion's message. */
export function describeViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help}\n${v.nodes.map((n) => `    ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, "\n      ")}`).join("\n")}`)
    .join("\n");
}
