-- CreateEnum
CREATE TYPE "OutboxKind" AS ENUM ('MESSAGE', 'HOME');

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "kind" "OutboxKind" NOT NULL DEFAULT 'MESSAGE';

-- CreateTable
CREATE TABLE "OutboxPace" (
    "workspaceId" TEXT NOT NULL,
    "lane" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,
    "heldFor" TEXT,

    CONSTRAINT "OutboxPace_pkey" PRIMARY KEY ("workspaceId","lane")
);

-- AddForeignKey
ALTER TABLE "OutboxPace" ADD CONSTRAINT "OutboxPace_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

