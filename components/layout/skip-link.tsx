"use client";

/**
 * "Skip to content": moves focus past the header to where the page's content starts: the element
 * marked `data-skip-target` when the page has one (the reading page's text), else the main region.
 * Without JavaScript it is a plain link to the main region, which takes focus (tabIndex -1).
 */
export function SkipLink({ mainId }: { mainId: string }) {
  return (
    <a
      href={`#${mainId}`}
      onClick={(event) => {
        const main = document.getElementById(mainId);
        const target = main?.querySelector<HTMLElement>("[data-skip-target]") ?? main;
        if (!target) return;
        event.preventDefault();
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: "start" });
      }}
      className="sr-only rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
    >
      Skip to content
    </a>
  );
}
