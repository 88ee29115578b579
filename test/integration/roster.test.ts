import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/slack/standin/server.js";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases.js";
import { projectRoot } from "../support/appProcess.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { createProgram } from "../../src/features/programs/programs.js";
import { cliActor } from "../../src/features/programs/audit.js";

const TEAM = "T-FAKE"; // what the fake Slack's auth.test answers
const cliScript = path.join(projectRoot, "dist/src/cli/main.js");

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const STAGES = ["fellow", "Resident", "junior_faculty", "Senior faculty"];
const SPECIALTIES = ["hematology", "Oncology", "hematology_oncology"];

/** 500 data rows: 495 good ones for the fake users, 5 bad ones at known lines. */
function rosterCsv(): { text: string; badLines: Map<number, string> } {
  const lines = ["Email,Role,Cohort,Career_Stage,Training_Year,Specialty,Subspecialty,Interests,Expertise,Career_Paths,Roles_Offered,Roles_Wanted,Capacity"];
  for (let i = 0; i < 495; i += 1) {
    const mentor = i % 5 === 0;
    lines.push(
      [
        `person${i}@example.org`,
        mentor ? "mentor" : "trainee",
        mentor ? "" : i % 2 ? "2026–27 Fellows" : "2025–26 Fellows",
        STAGES[i % STAGES.length],
        mentor ? "" : String((i % 3) + 1),
        SPECIALTIES[i % SPECIALTIES.length],
        i % 4 === 0 ? "Thrombosis and hemostasis" : "",
        mentor ? "" : '"Sickle cell disease; grant writing"',
        mentor ? "thrombosis;Clinical trials" : "",
        i % 2 ? "academic_research;Industry" : "",
        mentor ? "mentor;sponsor" : "",
        mentor ? "" : "Coach",
        mentor ? String((i % 4) + 1) : "",
      ].join(","),
    );
  }
  const bad: [string, string][] = [
    ["nobody@example.org,trainee,,,,,,,,,,,", "no Slack user with email nobody@example.org"],
    ["person1@example.org,chair,,,,,,,,,,,", 'role "chair" must be trainee, mentor or director'],
    ["person2@example.org,mentor,,astronaut,,,,,,,,,", 'career_stage: "astronaut" — is not a known career stage'],
    ["person3@example.org,mentor,,,,,,,,,,,lots", 'capacity "lots" must be a whole number'],
    ["not-an-email,trainee,,,,,,,,,,,", 'email "not-an-email" is not an email address'],
  ];
  const badLines = new Map<number, string>();
  const at = [17, 101, 250, 377, 501]; // the last is the last line of the file
  bad.forEach(([row, reason], k) => {
    lines.splice(at[k]! - 1, 0, row);
    badLines.set(at[k]!, reason);
  });
  return { text: lines.join("\n") + "\n", badLines };
}

describe.each(testProviders)("roster import and export through the CLI on %s", (provider) => {
  let slack: FakeSlack;
  let database: TestDatabase;
  let db: Database;
  let dir: string;
  let csv: { text: string; badLines: Map<number, string> };

  const cli = (...args: string[]): Promise<CliRun> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [cliScript, ...args],
        { cwd: dir, env: { PATH: process.env.PATH ?? "", SLACK_API_URL: slack.apiUrl, SLACK_BOT_TOKEN: "xoxb-test", DATABASE_URL: database.url } },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  /** Everything the roster touches, to prove a re-run changes nothing. */
  const snapshot = async () => ({
    members: await db.prisma.member.findMany({ where: { workspaceId: TEAM }, orderBy: { slackUserId: "asc" } }),
    enrollments: await db.prisma.enrollment.findMany({ where: { workspaceId: TEAM }, orderBy: { id: "asc" } }),
    profiles: await db.prisma.profile.findMany({ where: { workspaceId: TEAM }, orderBy: { id: "asc" } }),
    cohorts: await db.prisma.cohort.findMany({ where: { workspaceId: TEAM }, orderBy: { id: "asc" } }),
  });

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    for (let i = 0; i < 495; i += 1) slack.addUser({ id: `U${String(i).padStart(4, "0")}P`, teamId: TEAM, name: `Person ${i}`, email: `person${i}@example.org` });
    slack.addUser({ id: "U0GRANTEE", teamId: TEAM, name: "Dr. Grantee", email: "grantee@example.org" });
    database = await createTestDatabase(provider);
    db = (await openDatabase(database.url)).db;
    await createProgram(
      db.prisma,
      cliActor(TEAM),
      { name: "Hematology Fellowship", description: "", checkinCadence: "MONTHLY", announcementChannel: null, timezone: "America/Chicago", defaultCapacity: 3, checkinAlsoTrainee: false, breaks: [] },
      new Date(),
    );
    dir = mkdtempSync(path.join(os.tmpdir(), "rounds-roster-"));
    csv = rosterCsv();
    writeFileSync(path.join(dir, "roster.csv"), csv.text);
  });

  afterAll(async () => {
    await db?.close();
    await slack?.stop();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("imports the good rows of a 500-row file and reports each bad row by its line", async () => {
    const run = await cli("roster", "import", "roster.csv", "--program", "Hematology Fellowship");
    expect(run.stdout).toContain('Roster import into "Hematology Fellowship": 495 created, 0 updated, 0 unchanged, 5 failed.');
    expect(run.stdout).toContain("Cohorts created: 2026–27 Fellows, 2025–26 Fellows");
    expect(run.code).toBe(1);
    const reported = run.stderr.trim().split("\n");
    expect(reported).toEqual([...csv.badLines].map(([line, reason]) => `line ${line}: ${reason}`));

    expect(await db.prisma.enrollment.count({ where: { workspaceId: TEAM } })).toBe(495);
    const mentor = await db.prisma.member.findFirstOrThrow({ where: { workspaceId: TEAM, slackUserId: "U0005P" }, include: { profile: true, enrollments: true } });
    expect(mentor.enrollments.map((e) => [e.role, e.cohortId])).toEqual([["MENTOR", null]]);
    expect(mentor.profile).toMatchObject({
      careerStage: "resident",
      specialty: "hematology_oncology",
      expertise: ["thrombosis", "clinical_trials"],
      careerPaths: ["academic_research", "industry"],
      rolesOffered: ["mentor", "sponsor"],
      capacity: 2,
    });
    const trainee = await db.prisma.member.findFirstOrThrow({ where: { workspaceId: TEAM, slackUserId: "U0003P" }, include: { profile: true, enrollments: { include: { cohort: true } } } });
    expect(trainee.enrollments[0]?.cohort?.name).toBe("2026–27 Fellows");
    expect(trainee.profile).toMatchObject({ careerStage: "senior_faculty", trainingYear: 1, interests: ["sickle_cell_disease", "grant_writing"], rolesWanted: ["coach"] });
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await snapshot();
    const lookups = slack.callsTo("users.lookupByEmail").length;
    const run = await cli("roster", "import", "roster.csv", "--program", "Hematology Fellowship");
    expect(run.stdout).toContain("0 created, 0 updated, 495 unchanged, 5 failed.");
    expect(run.stderr.trim().split("\n")).toHaveLength(5);
    expect(await snapshot()).toEqual(before);
    // people already known are found in the database; only the unknown email is asked of Slack again
    expect(slack.callsTo("users.lookupByEmail").length - lookups).toBe(1);
  });

  it("exports the roster in the import format, and the export imports back unchanged", async () => {
    const run = await cli("roster", "export", "--program", "Hematology Fellowship", "--out", "export.csv");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Wrote 495 rows to export.csv.");
    const text = readFileSync(path.join(dir, "export.csv"), "utf8");
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["email", "role", "cohort", "career_stage", "training_year", "specialty", "subspecialty", "interests", "expertise", "career_paths", "roles_offered", "roles_wanted", "capacity"]);
    expect(rows).toHaveLength(495);
    expect(rows.find((r) => r.email === "person5@example.org")).toEqual({
      email: "person5@example.org",
      role: "mentor",
      cohort: "",
      career_stage: "resident",
      training_year: "",
      specialty: "hematology_oncology",
      subspecialty: "",
      interests: "",
      expertise: "thrombosis;clinical_trials",
      career_paths: "academic_research;industry",
      roles_offered: "mentor;sponsor",
      roles_wanted: "",
      capacity: "2",
    });
    const stdout = await cli("roster", "export", "--program", "Hematology Fellowship");
    expect(stdout.stdout.trim()).toBe(text.trim());

    const before = await snapshot();
    const again = await cli("roster", "import", "export.csv", "--program", "Hematology Fellowship");
    expect(again.stdout).toContain("0 created, 0 updated, 495 unchanged, 0 failed.");
    expect(again.code).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("moves a person to another cohort and updates a profile column on re-import", async () => {
    writeFileSync(path.join(dir, "move.csv"), "email,role,cohort,capacity\nperson5@example.org,mentor,2026–27 Fellows,4\nperson3@example.org,trainee,,\n");
    const run = await cli("roster", "import", "move.csv", "--program", "Hematology Fellowship", "--cohort", "2026–27 Fellows");
    expect(run.stdout).toContain("0 created, 1 updated, 1 unchanged, 0 failed.");
    const moved = await db.prisma.member.findFirstOrThrow({ where: { workspaceId: TEAM, slackUserId: "U0005P" }, include: { profile: true, enrollments: { include: { cohort: true } } } });
    expect(moved.enrollments[0]?.cohort?.name).toBe("2026–27 Fellows");
    expect(moved.profile).toMatchObject({ capacity: 4, expertise: ["thrombosis", "clinical_trials"] });
  });

  it("refuses an unknown program, an unknown column and bad usage with clear messages", async () => {
    const noProgram = await cli("roster", "import", "roster.csv", "--program", "Cardiology");
    expect(noProgram.code).toBe(1);
    expect(noProgram.stderr).toContain('There is no program named "Cardiology" in this workspace.');
    writeFileSync(path.join(dir, "typo.csv"), "email,rol\nperson1@example.org,trainee\n");
    const typo = await cli("roster", "import", "typo.csv", "--program", "Hematology Fellowship");
    expect(typo.stderr).toContain("line 1: unknown column rol");
    writeFileSync(path.join(dir, "conflict.csv"), "email,role,capacity\nperson5@example.org,mentor,4\nperson5@example.org,director,3\n");
    const conflict = await cli("roster", "import", "conflict.csv", "--program", "Hematology Fellowship");
    expect(conflict.stderr.trim()).toBe("line 3: capacity differs from line 2 for the same person");
    expect(conflict.stdout).toContain("0 created, 0 updated, 1 unchanged, 1 failed.");
    const usage = await cli("roster", "import", "--program", "Hematology Fellowship");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("give exactly one CSV file");
    expect(usage.stderr).toContain("Usage: npm run cli -- COMMAND");
    expect((await cli("roster", "frobnicate")).code).toBe(2);
    const missing = await cli("roster", "import", "nope.csv", "--program", "Hematology Fellowship");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Cannot read nope.csv: there is no such file.");
  });

  it("grants and revokes the director role by email, and logs both", async () => {
    const grant = await cli("director", "grant", "grantee@example.org");
    expect(grant.code).toBe(0);
    expect(grant.stdout).toContain("grantee@example.org (U0GRANTEE) is now a director.");
    const member = await db.prisma.member.findFirstOrThrow({ where: { workspaceId: TEAM, slackUserId: "U0GRANTEE" } });
    expect(member.directorGrantedAt).not.toBeNull();
    expect(member.directorGrantedBy).toBe("cli");
    expect((await cli("director", "grant", "U0GRANTEE")).stdout).toContain("already granted");
    const nobody = await cli("director", "grant", "nobody@example.org");
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("No Slack user with email nobody@example.org in this workspace.");
    const revoke = await cli("director", "revoke", "U0GRANTEE");
    expect(revoke.stdout).toContain("is no longer a director");
    const after = await db.prisma.member.findFirstOrThrow({ where: { workspaceId: TEAM, slackUserId: "U0GRANTEE" } });
    expect(after.directorGrantedAt).toBeNull();
    const actions = (await db.prisma.auditLog.findMany({ where: { workspaceId: TEAM, actor: "cli" }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["program.create", "cohort.create", "roster.import", "roster.export", "director.grant", "director.revoke"]));
    expect(actions.filter((a) => a.startsWith("director."))).toEqual(["director.grant", "director.revoke"]);
  });

  it("lists programs with their cohorts", async () => {
    const list = await cli("program", "list");
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("Hematology Fellowship — 495 people, check-ins every month (mentor only), 0 breaks, America/Chicago, default capacity 3");
    expect(list.stdout).toContain("  cohort: 2026–27 Fellows");
  });

  it("imports the sample roster in examples/ without a bad row, and re-imports it unchanged", async () => {
    const sample = readFileSync(path.join(projectRoot, "examples/roster.csv"), "utf8");
    const emails = [...new Set(sample.split("\n").slice(1).filter(Boolean).map((l) => l.split(",")[0]!))];
    emails.forEach((email, i) => slack.addUser({ id: `U0SAMPLE${i}`, teamId: TEAM, name: email, email }));
    await createProgram(
      db.prisma,
      cliActor(TEAM),
      { name: "Sample Program", description: "", checkinCadence: "MONTHLY", announcementChannel: null, timezone: "UTC", defaultCapacity: 3, checkinAlsoTrainee: false, breaks: [] },
      new Date(),
    );
    writeFileSync(path.join(dir, "sample.csv"), sample);
    const first = await cli("roster", "import", "sample.csv", "--program", "Sample Program");
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("7 created, 0 updated, 0 unchanged, 0 failed.");
    const again = await cli("roster", "import", "sample.csv", "--program", "Sample Program");
    expect(again.stdout).toContain("0 created, 0 updated, 7 unchanged, 0 failed.");
  });

  it("matches an email whatever its case in Slack, and a re-run leaves that person untouched", async () => {
    slack.addUser({ id: "U0MIXED", teamId: TEAM, name: "Dr. Mixed", email: "Mixed.Case@Example.org" });
    writeFileSync(path.join(dir, "mixed.csv"), "email,role\nmixed.case@example.org,mentor\n");
    expect((await cli("roster", "import", "mixed.csv", "--program", "Sample Program")).stdout).toContain("1 created, 0 updated, 0 unchanged, 0 failed.");
    const before = await db.prisma.member.findFirstOrThrow({ where: { workspaceId: TEAM, slackUserId: "U0MIXED" } });
    expect((await cli("roster", "import", "mixed.csv", "--program", "Sample Program")).stdout).toContain("0 created, 0 updated, 1 unchanged, 0 failed.");
    expect(await db.prisma.member.findFirstOrThrow({ where: { workspaceId: TEAM, slackUserId: "U0MIXED" } })).toEqual(before);
    expect(await db.prisma.member.count({ where: { workspaceId: TEAM, slackUserId: "U0MIXED" } })).toBe(1);
  });
});
