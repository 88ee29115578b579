-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "suspendedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "heldAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Installation" (
    "tenantId" TEXT NOT NULL,
    "teamId" TEXT,
    "teamName" TEXT,
    "enterpriseId" TEXT,
    "enterpriseName" TEXT,
    "isEnterpriseInstall" BOOLEAN NOT NULL DEFAULT false,
    "appId" TEXT,
    "botId" TEXT,
    "botUserId" TEXT NOT NULL,
    "botScopes" TEXT NOT NULL DEFAULT '',
    "botToken" TEXT NOT NULL,
    "botRefreshToken" TEXT,
    "botTokenExpiresAt" TIMESTAMP(3),
    "installerUserId" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "purgeAfter" TIMESTAMP(3),

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE INDEX "Installation_enterpriseId_idx" ON "Installation"("enterpriseId");

-- CreateIndex
CREATE INDEX "Installation_purgeAfter_idx" ON "Installation"("purgeAfter");

