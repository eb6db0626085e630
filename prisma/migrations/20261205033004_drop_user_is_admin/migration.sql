-- AlterTable
ALTER TABLE "User" DROP COLUMN "isAdmin";
