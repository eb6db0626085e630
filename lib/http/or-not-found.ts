import { notFound } from "next/navigation";
import { NotFoundError } from "../errors";

/**
 * For pages: a guarded read whose NotFoundError (missing, or hidden from this reader) becomes
 * Next's ordinary 404 page; any other error goes on to the error page.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
