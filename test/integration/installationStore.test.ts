import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Installation } from "@slack/oauth";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { testProviders } from "../support/databases.js";
import { prismaInstallationStore } from "../../src/slack/tenancy/installationStore.js";
import { installationsToPurge, revokeInstallation } from "../../src/store/installations.js";

const keys = { current: randomBytes(32), old: [] as Buffer[] };
const T0 = new Date("2026-12-07T12:00:00Z");

function workspaceInstall(teamId: string, token: string, enterpriseId?: string): Installation<"v2", false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: enterpriseId ? { id: enterpriseId } : undefined,
    user: { id: "U0INSTALLER", token: undefined, scopes: undefined },
    bot: { token, scopes: ["commands", "chat:write"], id: `B${teamId}`, userId: `U0BOT${teamId}` },
    appId: "A0ROUNDS",
    tokenType: "bot",
    isEnterpriseInstall: false,
    authVersion: "v2",
  };
}

describe.each(testProviders)("installations stored through Prisma on %s", (provider) => {
  let t: MigratedTestDatabase;
  beforeAll(async () => {
    t = await createMigratedDatabase(provider);
  });
  afterAll(async () => t.drop());

  it("stores a workspace install with its token sealed, and gives the token back to authorize", async () => {
    const store = prismaInstallationStore(t.prisma, keys, () => T0);
    await store.storeInstallation(workspaceInstall("T0AAA", "xoxb-aaa-secret"));
    const raw = await t.prisma.installation.findUniqueOrThrow({ where: { tenantId: "T0AAA" } });
    expect(raw.botToken).not.toContain("xoxb");
    expect(JSON.stringify(raw)).not.toContain("secret");
    const back = await store.fetchInstallation({ teamId: "T0AAA", enterpriseId: undefined, isEnterpriseInstall: false });
    expect(back.bot?.token).toBe("xoxb-aaa-secret");
    expect(back.bot?.userId).toBe("U0BOTT0AAA");
    expect(back.team?.id).toBe("T0AAA");
  });

  it("serves every workspace of a Grid org from its org-wide install, keyed by the org", async () => {
    const store = prismaInstallationStore(t.prisma, keys, () => T0);
    await store.storeInstallation({
      team: undefined,
      enterprise: { id: "E0ORG", name: "University Health" },
      user: { id: "U0ADMIN", token: undefined, scopes: undefined },
      bot: { token: "xoxb-org", scopes: ["commands"], id: "B0ORG", userId: "U0BOTORG" },
      tokenType: "bot",
      isEnterpriseInstall: true,
      authVersion: "v2",
    } as Installation<"v2", true>);
    expect(await t.prisma.installation.count({ where: { tenantId: "E0ORG", isEnterpriseInstall: true } })).toBe(1);
    const fromMedSchool = await store.fetchInstallation({ teamId: "T0MED", enterpriseId: "E0ORG", isEnterpriseInstall: false });
    const fromHospital = await store.fetchInstallation({ teamId: "T0HOSP", enterpriseId: "E0ORG", isEnterpriseInstall: false });
    expect(fromMedSchool.bot?.token).toBe("xoxb-org");
    expect(fromHospital.isEnterpriseInstall).toBe(true);
    // A workspace outside the org is not served by it.
    await expect(store.fetchInstallation({ teamId: "T0ELSE", enterpriseId: "E0OTHER", isEnterpriseInstall: false })).rejects.toThrow("not installed");
  });

  it("an uninstall stops authorizing at once; a re-install within the retention period resumes, and a rotation keeps the install", async () => {
    const store = prismaInstallationStore(t.prisma, keys, () => T0);
    await store.storeInstallation(workspaceInstall("T0BBB", "xoxb-bbb-1"));
    const purgeAfter = new Date(T0.getTime() + 30 * 86_400_000);
    expect(await revokeInstallation(t.prisma, "T0BBB", T0, purgeAfter)).toBe(true);
    expect(await revokeInstallation(t.prisma, "T0BBB", T0, purgeAfter)).toBe(false); // tokens_revoked after app_uninstalled
    await expect(store.fetchInstallation({ teamId: "T0BBB", enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow("uninstalled");
    expect((await installationsToPurge(t.prisma, purgeAfter)).map((r) => r.tenantId)).toEqual(["T0BBB"]);

    await store.storeInstallation(workspaceInstall("T0BBB", "xoxb-bbb-2"));
    expect((await store.fetchInstallation({ teamId: "T0BBB", enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe("xoxb-bbb-2");
    expect(await installationsToPurge(t.prisma, purgeAfter)).toEqual([]);

    const installedAt = (await t.prisma.installation.findUniqueOrThrow({ where: { tenantId: "T0BBB" } })).installedAt;
    const current = await store.fetchInstallation({ teamId: "T0BBB", enterpriseId: undefined, isEnterpriseInstall: false });
    await store.storeInstallation({ ...current, bot: { ...current.bot!, token: "xoxe.xoxb-rotated", refreshToken: "xoxe-1-refresh", expiresAt: 1_900_000_000 } });
    const rotated = await store.fetchInstallation({ teamId: "T0BBB", enterpriseId: undefined, isEnterpriseInstall: false });
    expect(rotated.bot).toMatchObject({ token: "xoxe.xoxb-rotated", refreshToken: "xoxe-1-refresh", expiresAt: 1_900_000_000 });
    expect((await t.prisma.installation.findUniqueOrThrow({ where: { tenantId: "T0BBB" } })).installedAt).toEqual(installedAt);
  });
});
