-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "suspendedAt" DATETIME;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "heldAt" DATETIME;

-- CreateTable
CREATE TABLE "Installation" (
    "tenantId" TEXT NOT NULL PRIMARY KEY,
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
    "botTokenExpiresAt" DATETIME,
    "installerUserId" TEXT,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "purgeAfter" DATETIME
);

-- CreateIndex
CREATE INDEX "Installation_enterpriseId_idx" ON "Installation"("enterpriseId");

-- CreateIndex
CREATE INDEX "Installation_purgeAfter_idx" ON "Installation"("purgeAfter");

