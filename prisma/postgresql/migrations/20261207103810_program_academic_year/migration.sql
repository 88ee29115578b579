-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "academicYearStart" TEXT NOT NULL DEFAULT '07-01';

