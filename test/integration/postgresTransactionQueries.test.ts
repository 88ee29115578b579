import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

const TEAM = "T0PGTX";

/**
 * Inside a transaction every query runs on the transaction's one pooled connection. Prisma loads a
 * record's relations side by side, and code may use Promise.all on `tx`; pg warns (and pg 9 will
 * refuse) when a query is sent while the connection is still busy. The adapter makes them take turns.
 */
// PostgreSQL only: without TEST_DATABASE_URL the suite is reported as skipped rather than missing.
describe.runIf(testProviders.includes("postgresql"))("queries inside one transaction on postgresql", () => {
  const provider = "postgresql" as const;
  let database: MigratedTestDatabase;
  let matchId = "";
  const warnings: Error[] = [];
  const onWarning = (w: Error) => void warnings.push(w);

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    const p = database.prisma;
    await p.workspace.create({ data: { id: TEAM } });
    const programId = (await p.program.create({ data: { workspaceId: TEAM, name: "Heme Fellowship" } })).id;
    const member = async (slackUserId: string) => (await p.member.create({ data: { workspaceId: TEAM, slackUserId, name: slackUserId, refreshedAt: new Date() } })).id;
    matchId = (await p.match.create({ data: { workspaceId: TEAM, programId, traineeId: await member("U0T"), mentorId: await member("U0M"), role: "mentor", startedAt: new Date() } })).id;
    process.on("warning", onWarning);
  });

  afterAll(async () => {
    process.off("warning", onWarning);
    await database?.drop();
  });

  it("take turns on the connection: a read with three relations and a Promise.all on the transaction give the same answers and no DeprecationWarning", async () => {
    const [match, counts] = await database.prisma.$transaction(async (tx) => [
      await tx.match.findUniqueOrThrow({ where: { id: matchId }, include: { trainee: true, mentor: true, program: true } }),
      await Promise.all([tx.member.count({ where: { workspaceId: TEAM } }), tx.match.count({ where: { workspaceId: TEAM } }), tx.program.count({ where: { workspaceId: TEAM } })]),
    ] as const);
    expect([match.trainee.slackUserId, match.mentor.slackUserId, match.program.name]).toEqual(["U0T", "U0M", "Heme Fellowship"]);
    expect(counts).toEqual([2, 1, 1]);
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    expect(warnings.filter((w) => w.name === "DeprecationWarning").map((w) => w.message)).toEqual([]);
  });
});
