-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "annotationsSetRevision" BIGINT NOT NULL DEFAULT 0;

-- The annotation trigger also moves the set revision when what a container's totals and page
-- starts depend on may have changed; re-anchoring (selectors only) moves the revision alone.
DROP FUNCTION "bump_document_annotations_revision"(text);

CREATE FUNCTION "bump_document_annotations_revision"(doc text, set_changed boolean DEFAULT false) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  done text := 'marginalia.annotations_revision_' || md5(coalesce(doc, ''));
  set_done text := 'marginalia.annotations_set_revision_' || md5(coalesce(doc, ''));
BEGIN
  IF doc IS NULL THEN
    RETURN;
  END IF;
  IF coalesce(current_setting(done, true), '') <> '1' THEN
    UPDATE "Document" SET "annotationsRevision" = "annotationsRevision" + 1 WHERE "id" = doc;
    PERFORM set_config(done, '1', true);
  END IF;
  IF set_changed AND coalesce(current_setting(set_done, true), '') <> '1' THEN
    UPDATE "Document" SET "annotationsSetRevision" = "annotationsSetRevision" + 1 WHERE "id" = doc;
    PERFORM set_config(set_done, '1', true);
  END IF;
END;
$$;

CREATE OR REPLACE FUNCTION "bump_annotations_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "bump_document_annotations_revision"(OLD."documentId", true);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "bump_document_annotations_revision"(NEW."documentId", true);
  ELSE
    PERFORM "bump_document_annotations_revision"(NEW."documentId",
      (OLD."documentId", OLD."authorId", OLD."visibility", OLD."status", OLD."deletedAt", OLD."threadId", OLD."createdAt", OLD."updatedAt")
        IS DISTINCT FROM
      (NEW."documentId", NEW."authorId", NEW."visibility", NEW."status", NEW."deletedAt", NEW."threadId", NEW."createdAt", NEW."updatedAt"));
  END IF;
  RETURN NULL;
END;
$$;
