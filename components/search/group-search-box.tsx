import { Search } from "lucide-react";
import { cn } from "@/lib/utils";
import { Input } from "@/components/ui/input";

/** The search field in a group's header: a plain GET form, so it works before any script loads. */
function GroupSearchBox({ groupId, defaultValue = "", className }: { groupId: string; defaultValue?: string; className?: string }) {
  return (
    <form role="search" action={`/groups/${groupId}/search`} method="get" className={cn("relative w-full sm:w-64", className)}>
      <label htmlFor={`group-search-${groupId}`} className="sr-only">
        Search this group’s annotations
      </label>
      <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input id={`group-search-${groupId}`} name="q" type="search" defaultValue={defaultValue} placeholder="Search notes, quotes, tags…" className="pl-9" maxLength={200} />
    </form>
  );
}

export { GroupSearchBox };
