"use client";

import { ErrorMessage } from "./_components/error-message";

/** Failures inside the signed-in area: the header and account menu stay. */
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} />;
}
