import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HomeTab } from "slack-block-builder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directorDashboard } from "../../src/features/dashboard-reports/dashboard.js";
import { dashboardBlocks, HOME_BLOCK_LIMIT } from "../../src/features/dashboard-reports/views/dashboard.js";
import { blocksAsText } from "../../src/features/dashboard-reports/views/asText.js";
import { projectRoot } from "../../src/paths.js";
import { createMigratedDatabase, type MigratedTestDatabase } from "../support/migratedDatabase.js";
import { DASH_NOW, DASH_PEOPLE, DASH_TEAM, seedDashboard } from "../support/dashboardSeed.js";

const DOC = path.join(projectRoot, "docs", "dashboard-and-reports.md");
const BEGIN = "<!-- dashboard-example:begin -->";
const END = "<!-- dashboard-example:end -->";

/**
 * docs/dashboard-and-reports.md shows the dashboard as text, rendered by the real view from the
 * seeded data of the dashboard tests. This test fails when the two drift apart;
 * `UPDATE_DASHBOARD_DOC=1 npx vitest run test/integration/dashboardDoc.test.ts` rewrites the example.
 */
describe("the dashboard example in the docs", () => {
  let database: MigratedTestDatabase;

  beforeAll(async () => {
    database = await createMigratedDatabase("sqlite");
    await seedDashboard(database.prisma);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("is the view's own rendering of the seeded dashboard", async () => {
    const dashboard = await directorDashboard(database.prisma, DASH_TEAM, DASH_NOW);
    const text = blocksAsText(HomeTab().blocks(dashboardBlocks(dashboard, "UTC", HOME_BLOCK_LIMIT)).buildToObject().blocks ?? [], new Map(Object.values(DASH_PEOPLE).map((p) => [p.id, p.name])));
    const example = `${BEGIN}\n\`\`\`text\n${text}\n\`\`\`\n${END}`;
    const doc = readFileSync(DOC, "utf8");
    const current = doc.slice(doc.indexOf(BEGIN), doc.indexOf(END) + END.length);
    if (process.env.UPDATE_DASHBOARD_DOC === "1") writeFileSync(DOC, doc.replace(current, example));
    else expect(current).toBe(example);
    // README quotes the first program's part of the same rendering.
    const firstProgram = text.slice(text.indexOf("*Heme Fellowship*"), text.indexOf("────")).trimEnd();
    expect(readFileSync(path.join(projectRoot, "README.md"), "utf8")).toContain(`\`\`\`text\n${firstProgram}\n\`\`\``);
  });
});
