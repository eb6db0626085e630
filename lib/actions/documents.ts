"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import createDocument from "@/lib/commands/create-document";
import deleteDocument from "@/lib/commands/delete-document";
import { formValues, withActor, type FormState } from "@/lib/http/action";

const FORMAT_BY_EXTENSION: Record<string, "text" | "markdown" | "html"> = { txt: "text", md: "markdown", markdown: "markdown", html: "html", htm: "html" };

/** New document form: pasted content, or an uploaded .txt/.md/.html file whose extension picks the format. */
export async function createDocumentAction(groupId: string, _prev: FormState, form: FormData): Promise<FormState> {
  let documentId = "";
  const state = await withActor(async (actor) => {
    const file = form.get("file");
    let content = form.get("content");
    let format = form.get("format") ?? "text";
    let title = form.get("title");
    if (file instanceof File && file.size > 0) {
      content = await file.text();
      format = FORMAT_BY_EXTENSION[file.name.split(".").pop()?.toLowerCase() ?? ""] ?? format;
      if (!title) title = file.name.replace(/\.[^.]+$/, "");
    }
    const document = await createDocument({ actorId: actor.id, input: { groupId, title, format, content } });
    documentId = document.id;
    return { ok: true };
  })();
  if (!state.ok) return { ...state, values: formValues(form, ["title", "format", "content"]) };
  redirect(`/documents/${documentId}`);
}

/** "Delete document…" confirmation (owners); redirects to the group, whose list no longer has it. */
export async function deleteDocumentAction(documentId: string, _prev?: FormState, _form?: FormData): Promise<FormState> {
  let groupId = "";
  const state = await withActor(async (actor) => {
    ({ groupId } = await deleteDocument({ actorId: actor.id, documentId }));
    return { ok: true };
  })();
  if (!state.ok) return state;
  revalidatePath(`/groups/${groupId}`);
  redirect(`/groups/${groupId}`);
}
