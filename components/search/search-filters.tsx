import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Option = { value: string; label: string };

type SearchFiltersProps = {
  groupId: string;
  values: { q: string; author?: string; tag?: string; document?: string };
  authors: Option[];
  tags: string[];
  documents: Option[];
};

function FilterSelect({ name, label, value, anyLabel, options }: { name: string; label: string; value?: string; anyLabel: string; options: Option[] }) {
  return (
    <label className="flex min-w-0 flex-1 flex-col gap-1.5 text-[0.8125rem] font-medium text-muted-foreground sm:max-w-56">
      {label}
      <Select name={name} defaultValue={value ?? ""} className="h-8 text-foreground">
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** The search form: words, then who, which tag and which text; a plain GET form so results have a URL. */
function SearchFilters({ groupId, values, authors, tags, documents }: SearchFiltersProps) {
  return (
    <form role="search" action={`/groups/${groupId}/search`} method="get" className="flex flex-col gap-4 rounded-xl border bg-card p-4 shadow-xs sm:p-5">
      <div className="flex gap-2">
        <div className="relative flex-1">
          <label htmlFor="search-q" className="sr-only">
            Words to find
          </label>
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input id="search-q" name="q" type="search" defaultValue={values.q} placeholder="Words in notes, quotes or tags — “exact phrase”, -leave out" className="h-10 pl-9" maxLength={200} autoFocus={!values.q} />
        </div>
        <Button type="submit" size="lg" className="h-10">
          Search
        </Button>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row">
        <FilterSelect name="author" label="Author" value={values.author} anyLabel="Anyone" options={authors} />
        <FilterSelect name="tag" label="Tag" value={values.tag} anyLabel="Any tag" options={tags.map((tag) => ({ value: tag, label: `#${tag}` }))} />
        <FilterSelect name="document" label="Text" value={values.document} anyLabel="All texts" options={documents} />
      </div>
    </form>
  );
}

export { SearchFilters };
