import { describe, expect, it } from "vitest";
import { adminMenu } from "../../src/slack/views/admin/menu.js";
import { programModal } from "../../src/slack/views/admin/programModal.js";
import { peopleModal } from "../../src/slack/views/admin/peopleModal.js";
import type { ProgramOverview } from "../../src/services/programs.js";

const program: ProgramOverview = {
  id: "prog1",
  workspaceId: "T1",
  name: "Heme <Fellows> & Friends",
  description: "",
  checkinCadence: "MONTHLY",
  announcementChannel: "C0ANNOUNCE",
  timezone: "America/Chicago",
  defaultCapacity: 3,
  vocabulary: null,
  cohorts: [{ id: "c1", programId: "prog1", name: "2026–27 <b>", startsOn: null, endsOn: null }],
  people: 1,
};

describe("the director's admin views", () => {
  it("list each program with its facts and its own buttons, escaping names people typed", () => {
    const json = JSON.stringify(adminMenu([program]).blocks);
    expect(json).toContain("*Heme &lt;Fellows&gt; &amp; Friends* — 1 person; 2026–27 &lt;b&gt;");
    expect(json).toContain("Check-ins every month · America/Chicago · default capacity 3 · announcements in <#C0ANNOUNCE>");
    for (const action of ["admin_edit_program", "admin_new_cohort", "admin_add_people", "admin_export_roster"]) {
      expect(json).toContain(`"action_id":"${action}","value":"prog1"`);
    }
  });

  it("fill the edit form with the program's settings and keep its id in private_metadata", () => {
    const modal = programModal(program, { timezone: "UTC" }) as unknown as { private_metadata: string; blocks: unknown[] };
    expect(modal.private_metadata).toBe("prog1");
    const json = JSON.stringify(modal.blocks);
    expect(json).toContain('"initial_value":"Heme <Fellows> & Friends"');
    expect(json).toContain('"initial_conversation":"C0ANNOUNCE"');
    expect(json).toContain('"initial_value":"America/Chicago"');
  });

  it("offer no cohort picker when the program has no cohorts", () => {
    const withCohorts = peopleModal(program, program.cohorts) as unknown as { blocks: { block_id?: string }[] };
    const without = peopleModal(program, []) as unknown as { blocks: { block_id?: string }[] };
    expect(withCohorts.blocks.map((b) => b.block_id)).toContain("people_cohort");
    expect(without.blocks.map((b) => b.block_id)).not.toContain("people_cohort");
  });
});
