import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormFooter } from "@/components/ui/form-footer";

// The settings forms (group settings, digest) had these inline; the shared parts must render the same label and status semantics.
describe("settings form parts", () => {
  it("a checkbox field wraps the box, its label and its hint in one <label>", () => {
    const html = renderToStaticMarkup(createElement(CheckboxField, { name: "digestEmail", defaultChecked: true, label: "Daily email digest", hint: "Once a day." }));
    expect(html).toBe(
      '<label data-slot="checkbox-field" class="flex items-start gap-2.5 text-sm">' +
        '<input type="checkbox" class="mt-0.5 size-4 accent-primary" name="digestEmail" checked=""/>' +
        '<span><span class="font-medium">Daily email digest</span><span class="block text-[0.8125rem] text-muted-foreground">Once a day.</span></span>' +
        "</label>",
    );
  });

  it("a form footer shows a polite Saved status only after a successful save", () => {
    const button = createElement("button", { type: "submit" }, "Save");
    expect(renderToStaticMarkup(createElement(FormFooter, { saved: false }, button))).toBe('<div data-slot="form-footer" class="flex items-center gap-3"><button type="submit">Save</button></div>');
    const saved = renderToStaticMarkup(createElement(FormFooter, { saved: true }, button));
    expect(saved).toMatch(/^<div data-slot="form-footer" class="flex items-center gap-3"><button type="submit">Save<\/button><span role="status" class="inline-flex items-center gap-1 text-\[0.8125rem\] text-success"><svg [^>]*aria-hidden="true"[^>]*>.*<\/svg>Saved<\/span><\/div>$/);
    expect(saved).toContain("size-3.5");
  });
});
