import type { Metadata } from "next";
import { NotFoundMessage } from "./_components/not-found-message";

export const metadata: Metadata = { title: "Page not found" };

/** 404 inside the signed-in area (missing, or not the visitor's): the layout already drew the header. */
export default function AppNotFound() {
  return <NotFoundMessage signedIn />;
}
