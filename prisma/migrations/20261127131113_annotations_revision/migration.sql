-- DropIndex
DROP INDEX "Annotation_documentId_createdAt_idx";

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "annotationsRevision" BIGINT NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Annotation_documentId_createdAt_id_idx" ON "Annotation"("documentId", "createdAt", "id");

-- Any change to a document's annotations (commands, moderation, re-anchoring, cascades)
-- bumps the document's revision once per transaction, at commit: a deferred constraint
-- trigger takes the Document row lock only when the transaction has no other lock left
-- to take, so it cannot deadlock with transactions that update annotation rows in another
-- order. A transaction-local setting makes the second and later rows of the same document
-- in one transaction (a bulk re-anchor) skip the UPDATE.
CREATE FUNCTION "bump_annotations_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  doc text := CASE WHEN TG_OP = 'DELETE' THEN OLD."documentId" ELSE NEW."documentId" END;
  done text := 'marginalia.annotations_revision_' || md5(doc);
BEGIN
  IF coalesce(current_setting(done, true), '') <> '1' THEN
    UPDATE "Document" SET "annotationsRevision" = "annotationsRevision" + 1 WHERE "id" = doc;
    PERFORM set_config(done, '1', true);
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Annotation_revision" AFTER INSERT OR UPDATE OR DELETE ON "Annotation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_annotations_revision"();
