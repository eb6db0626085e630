/** The resolve hook of scripts/server-only.mjs: "server-only" as a React server would resolve it (an empty module). */
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
