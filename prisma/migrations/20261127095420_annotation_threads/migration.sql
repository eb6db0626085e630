-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
