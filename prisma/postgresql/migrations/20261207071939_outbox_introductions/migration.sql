-- AlterEnum
ALTER TYPE "OutboxKind" ADD VALUE 'INTRO';

