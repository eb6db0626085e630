-- An annotation's representation also shows its open flags (to moderators), its reactions and
-- its author's name: changing any of them moves the revision of the documents they appear on,
-- like a change to the annotations themselves (see annotations_revision). Same rules: deferred
-- to commit, once per document and transaction.
CREATE FUNCTION "bump_document_annotations_revision"(doc text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  done text := 'marginalia.annotations_revision_' || md5(coalesce(doc, ''));
BEGIN
  IF doc IS NOT NULL AND coalesce(current_setting(done, true), '') <> '1' THEN
    UPDATE "Document" SET "annotationsRevision" = "annotationsRevision" + 1 WHERE "id" = doc;
    PERFORM set_config(done, '1', true);
  END IF;
END;
$$;

CREATE OR REPLACE FUNCTION "bump_annotations_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_document_annotations_revision"(CASE WHEN TG_OP = 'DELETE' THEN OLD."documentId" ELSE NEW."documentId" END);
  RETURN NULL;
END;
$$;

-- Flags and reactions: the document of their annotation (gone when the annotation itself was
-- deleted, whose own trigger has moved the revision then).
CREATE FUNCTION "bump_annotation_part_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_document_annotations_revision"(
    (SELECT a."documentId" FROM "Annotation" a WHERE a."id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."annotationId" ELSE NEW."annotationId" END));
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Flag_revision" AFTER INSERT OR UPDATE OR DELETE ON "Flag"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_annotation_part_revision"();
CREATE CONSTRAINT TRIGGER "Reaction_revision" AFTER INSERT OR UPDATE OR DELETE ON "Reaction"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_annotation_part_revision"();

-- A renamed person: every document they annotated.
CREATE FUNCTION "bump_author_revisions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_document_annotations_revision"(d."documentId")
     FROM (SELECT DISTINCT a."documentId" FROM "Annotation" a WHERE a."authorId" = NEW."id") d;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "User_name_revision" AFTER UPDATE OF "name" ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
  EXECUTE FUNCTION "bump_author_revisions"();
