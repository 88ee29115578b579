import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspacesWithPrograms } from "../../src/store/surveys.js";
import { programsForYear } from "../../src/store/year.js";
import { sessionsDueForSeating, sessionsSeatedNotFollowedUp } from "../../src/store/roundTables.js";
import { liveWorkspacesOnly } from "../../src/store/workspaces.js";
import { testProviders } from "../support/databases.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";

const LIVE = "T0LIVE";
const GONE = "T0GONE";

/**
 * Nothing is scheduled for a workspace Rounds was uninstalled from: the surveys, year-end and
 * round-tables jobs find their due work with the same live-workspaces filter as check-ins and rounds.
 */
describe.each(testProviders)("the program-year jobs skip a suspended workspace on %s", (provider) => {
  let database: MigratedTestDatabase;
  const now = new Date("2026-12-07T12:00:00Z");

  beforeAll(async () => {
    database = await createMigratedDatabase(provider);
    const db = database.prisma;
    await db.workspace.create({ data: { id: LIVE } });
    await db.workspace.create({ data: { id: GONE, suspendedAt: new Date("2026-12-01T00:00:00Z") } });
    for (const workspaceId of [LIVE, GONE]) {
      const program = await db.program.create({ data: { workspaceId, name: `Heme ${workspaceId}` } });
      const session = { workspaceId, programId: program.id, rotations: 2, minutesPerRotation: 20, tableSize: 4, createdById: "M0DIR" };
      // One session whose choices closed (due for seating), one seated that has begun (due for its follow-up).
      await db.roundTableSession.create({ data: { ...session, startsAt: new Date("2026-12-08T17:00:00Z"), choiceDeadline: new Date("2026-12-06T17:00:00Z") } });
      await db.roundTableSession.create({ data: { ...session, startsAt: new Date("2026-12-06T17:00:00Z"), choiceDeadline: new Date("2026-12-05T17:00:00Z"), seatedAt: new Date("2026-12-05T17:05:00Z") } });
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("surveys, year-end and round tables find due work only in live workspaces; unfiltered, both are there", async () => {
    const db = database.prisma;
    const live = await liveWorkspacesOnly(db);
    expect((await workspacesWithPrograms(db)).sort()).toEqual([GONE, LIVE]);
    expect(await workspacesWithPrograms(db, live)).toEqual([LIVE]);
    expect((await programsForYear(db, live)).map((p) => p.workspaceId)).toEqual([LIVE]);
    expect((await sessionsDueForSeating(db, now)).map((s) => s.workspaceId).sort()).toEqual([GONE, LIVE]);
    expect((await sessionsDueForSeating(db, now, live)).map((s) => s.workspaceId)).toEqual([LIVE]);
    expect((await sessionsSeatedNotFollowedUp(db, now, live)).map((s) => s.workspaceId)).toEqual([LIVE]);
  });
});
