/**
 * A full garbage collection on demand, without starting node with --expose-gc: lets a
 * benchmark start each timed block with an empty young generation, so one method's garbage
 * is not collected on another's clock.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
