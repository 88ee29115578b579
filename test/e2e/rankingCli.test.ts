import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { runCli } from "../support/jobRunner.js";
import { searchMentors } from "../../src/features/findmentor/findMentor.js";
import { EMPTY_PROFILE } from "../../src/domain/profile.js";

/** A director tunes a program's /findmentor ranking from the command line. */
describe("npm run cli -- ranking", () => {
  let db: MigratedTestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), "rounds-ranking-"));
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const cli = (...args: string[]) => runCli(["ranking", ...args], { DATABASE_URL: db.url, LOG_LEVEL: "silent" });
  const now = new Date("2026-11-21T12:00:00Z");

  beforeAll(async () => {
    db = await createMigratedDatabase("sqlite");
    const p = db.prisma;
    await p.workspace.create({ data: { id: "T0RANK" } });
    const program = await p.program.create({ data: { workspaceId: "T0RANK", name: "Heme fellowship" } });
    await p.member.createMany({ data: ["t", "a", "b"].map((id) => ({ id, workspaceId: "T0RANK", slackUserId: `U${id}`, name: id, refreshedAt: now })) });
    await p.enrollment.createMany({
      data: [
        { workspaceId: "T0RANK", programId: program.id, memberId: "t", role: "TRAINEE" as const },
        { workspaceId: "T0RANK", programId: program.id, memberId: "a", role: "MENTOR" as const },
        { workspaceId: "T0RANK", programId: program.id, memberId: "b", role: "MENTOR" as const },
      ],
    });
    await p.profile.createMany({
      data: [
        { workspaceId: "T0RANK", memberId: "t", ...EMPTY_PROFILE, interests: ["thrombosis"], specialty: "oncology" },
        { workspaceId: "T0RANK", memberId: "a", ...EMPTY_PROFILE, rolesOffered: ["mentor"], expertise: ["thrombosis"], specialty: "cardiology" },
        { workspaceId: "T0RANK", memberId: "b", ...EMPTY_PROFILE, rolesOffered: ["mentor"], specialty: "oncology" },
      ],
    });
  });

  afterAll(async () => {
    await db?.drop();
  });

  const firstSuggestion = async () => {
    const r = await searchMentors(db.prisma, "T0RANK", "t", { keywords: "", page: 0 }, now);
    if (r.kind !== "mentors") throw new Error(`no cards: ${r.kind}`);
    return r.cards[0]!.memberId;
  };

  it("shows every weight and knob with its default", async () => {
    const r = await cli("--team", "T0RANK", "--program", "Heme fellowship");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Ranking for Heme fellowship");
    expect(r.out).toMatch(/weight interests\s+\d+\s+\d+/);
    expect(r.out).toContain("declinedWithinDays");
    expect(r.out).not.toContain("program");
  });

  it("refuses a file with a misspelt weight, naming it, and stores nothing", async () => {
    const r = await cli("--team", "T0RANK", "--program", "Heme fellowship", "--set", file("bad.json", '{"weights": {"interest": 10, "specialty": -1}}'));
    expect(r.code).toBe(2);
    expect(r.err).toContain("Nothing was stored");
    expect(r.err).toContain("weights");
    expect((await db.prisma.program.findFirstOrThrow({ where: { workspaceId: "T0RANK" } })).rankingWeights).toBeNull();
    expect((await cli("--team", "T0RANK", "--program", "Heme fellowship", "--set", file("broken.json", "{"))).err).toContain("is not valid JSON");
  });

  it("stored overrides change the order /findmentor shows; --reset goes back; each change is audited", async () => {
    const interests = await cli("--team", "T0RANK", "--program", "Heme fellowship", "--set", file("interests.json", '{"weights": {"interests": 100, "specialty": 0}}'));
    expect(interests.code, interests.err).toBe(0);
    expect(interests.out).toMatch(/weight interests\s+100\s+\d+\s+program/);
    expect(await firstSuggestion()).toBe("a");
    expect((await cli("--team", "T0RANK", "--program", "Heme fellowship", "--set", file("specialty.json", '{"weights": {"interests": 0, "specialty": 100}}'))).code).toBe(0);
    // A change made outside the app (the CLI) reaches its searches within a second (docs/findmentor.md).
    await new Promise((r) => setTimeout(r, 1100));
    expect(await firstSuggestion()).toBe("b");
    const reset = await cli("--team", "T0RANK", "--program", "Heme fellowship", "--reset");
    expect(reset.code, reset.err).toBe(0);
    expect(reset.out).not.toContain("program\n");
    expect((await db.prisma.program.findFirstOrThrow({ where: { workspaceId: "T0RANK" } })).rankingWeights).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { workspaceId: "T0RANK", action: "program.ranking" } })).toBe(3);
  });

  it("names an unknown program", async () => {
    const r = await cli("--team", "T0RANK", "--program", "Nope");
    expect(r.code).toBe(1);
    expect(r.err).toContain('There is no program named "Nope"');
  });
});
