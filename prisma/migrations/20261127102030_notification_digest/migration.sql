-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestEmail" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastDigestAt" TIMESTAMP(3);
