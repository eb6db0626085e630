"use client";

import { ArrowDownUp, ListFilter, Search, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";
import { activeFilterCount, noFilters, type ThreadFilters } from "./filters";
import { THREAD_SORTS, type ThreadSort } from "./thread-order";

type ThreadFiltersBarProps = {
  filters: ThreadFilters;
  onChange: (filters: ThreadFilters) => void;
  authors: { id: string; name: string }[];
  tags: string[];
  sort: ThreadSort;
  onSortChange: (sort: ThreadSort) => void;
  className?: string;
};

/** Search over notes and quotes, the order of the threads, and a menu of filters (author, tag, mine, unresolved). */
export function ThreadFiltersBar({ filters, onChange, authors, tags, sort, onSortChange, className }: ThreadFiltersBarProps) {
  const count = activeFilterCount(filters);
  const set = (changes: Partial<ThreadFilters>) => onChange({ ...filters, ...changes });

  return (
    <div className={cn("flex items-center gap-1.5", className)} role="search" aria-label="Notes">
      <div className="relative min-w-0 flex-1">
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-muted-foreground" />
        <input
          type="search"
          value={filters.query}
          onChange={(event) => set({ query: event.target.value })}
          onKeyDown={(event) => event.key === "Escape" && filters.query && (event.preventDefault(), set({ query: "" }))}
          placeholder="Search notes"
          aria-label="Search notes and quoted words"
          className="h-8 w-full min-w-0 rounded-md border border-input bg-card pr-2 pl-8 text-sm outline-none transition-[border-color,box-shadow] placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 dark:bg-background/40 [&::-webkit-search-cancel-button]:hidden"
        />
      </div>
      <label className="relative shrink-0" title="Sort notes">
        <span className="sr-only">Sort notes</span>
        <ArrowDownUp aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted-foreground" />
        <select
          value={sort}
          onChange={(event) => onSortChange(event.target.value as ThreadSort)}
          className="h-8 w-8 cursor-pointer appearance-none rounded-md border border-input bg-card text-transparent outline-none transition-[border-color,box-shadow] hover:bg-muted focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 dark:bg-background/40 data-[sorted=true]:border-primary/40 data-[sorted=true]:bg-secondary"
          data-sorted={sort !== "position"}
        >
          {THREAD_SORTS.map((option) => (
            <option key={option.value} value={option.value} className="text-foreground">
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant={count ? "secondary" : "outline"} size="sm" className="h-8 gap-1.5 px-2.5">
            <ListFilter aria-hidden="true" />
            {/* Named by its text, shown on wide screens: "Filters", then "(2 on)" beside the count. */}
            <span className="sr-only xl:not-sr-only">Filters</span>
            {count ? (
              <span className="rounded-full bg-primary px-1.5 text-[0.6875rem] leading-4 text-primary-foreground">
                <span className="sr-only">(</span>
                {count}
                <span className="sr-only"> on)</span>
              </span>
            ) : null}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-60">
          <DropdownMenuCheckboxItem checked={filters.mine} onCheckedChange={(mine) => set({ mine: mine === true })} onSelect={(e) => e.preventDefault()}>
            Mine
          </DropdownMenuCheckboxItem>
          <DropdownMenuCheckboxItem checked={filters.unresolved} onCheckedChange={(unresolved) => set({ unresolved: unresolved === true })} onSelect={(e) => e.preventDefault()}>
            Unresolved
          </DropdownMenuCheckboxItem>
          {authors.length > 0 ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuLabel className="text-xs text-muted-foreground">Author</DropdownMenuLabel>
              {authors.map((author) => (
                <DropdownMenuCheckboxItem
                  key={author.id}
                  checked={filters.authors.includes(author.id)}
                  onCheckedChange={(on) => set({ authors: on ? [...filters.authors, author.id] : filters.authors.filter((id) => id !== author.id) })}
                  onSelect={(e) => e.preventDefault()}
                >
                  <span className="truncate">{author.name}</span>
                </DropdownMenuCheckboxItem>
              ))}
            </>
          ) : null}
          {tags.length > 0 ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuLabel className="text-xs text-muted-foreground">Tag</DropdownMenuLabel>
              <DropdownMenuRadioGroup value={filters.tag ?? ""} onValueChange={(tag) => set({ tag: tag || null })}>
                <DropdownMenuRadioItem value="" onSelect={(e) => e.preventDefault()}>
                  Any tag
                </DropdownMenuRadioItem>
                {tags.map((tag) => (
                  <DropdownMenuRadioItem key={tag} value={tag} onSelect={(e) => e.preventDefault()}>
                    <span className="truncate">{tag}</span>
                  </DropdownMenuRadioItem>
                ))}
              </DropdownMenuRadioGroup>
            </>
          ) : null}
          {count ? (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => onChange({ ...noFilters, query: filters.query })}>
                <X aria-hidden="true" />
                Clear filters
              </DropdownMenuItem>
            </>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
