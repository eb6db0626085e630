-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'reply';
ALTER TYPE "NotificationKind" ADD VALUE 'mention';
ALTER TYPE "NotificationKind" ADD VALUE 'activity';

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "anonymousToPeers" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "hideUntilPosted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DocumentFollow" (
    "userId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentFollow_pkey" PRIMARY KEY ("userId","documentId")
);

-- CreateIndex
CREATE INDEX "DocumentFollow_documentId_idx" ON "DocumentFollow"("documentId");

-- AddForeignKey
ALTER TABLE "DocumentFollow" ADD CONSTRAINT "DocumentFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFollow" ADD CONSTRAINT "DocumentFollow_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
