-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "rankingWeights" JSONB;

