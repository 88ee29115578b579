-- CreateIndex
CREATE INDEX "Member_workspaceId_pausedAt_pausedUntil_erasedAt_idx" ON "Member"("workspaceId", "pausedAt", "pausedUntil", "erasedAt");

-- CreateIndex
CREATE INDEX "Enrollment_workspaceId_updatedAt_idx" ON "Enrollment"("workspaceId", "updatedAt");

-- CreateIndex
CREATE INDEX "Profile_workspaceId_updatedAt_idx" ON "Profile"("workspaceId", "updatedAt");

-- CreateIndex
CREATE INDEX "Match_workspaceId_status_startedAt_idx" ON "Match"("workspaceId", "status", "startedAt");

-- CreateIndex
CREATE INDEX "MentorRequest_workspaceId_respondedAt_idx" ON "MentorRequest"("workspaceId", "respondedAt");

