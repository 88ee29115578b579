import { describe, expect, it } from "vitest";
import { adminMenu } from "../../src/features/programs/views/menu.js";
import { programModal } from "../../src/features/programs/views/programModal.js";
import { peopleModal } from "../../src/features/programs/views/peopleModal.js";
import type { ProgramOverview } from "../../src/features/programs/programs.js";
import { SELECT_LIMITS } from "../../src/features/programs/views/timezoneSelect.js";

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
  checkinAlsoTrainee: false,
  breaks: [],
  academicYearStart: "07-01",
  cohorts: [{ id: "c1", programId: "prog1", name: "2026–27 <b>", startsOn: null, endsOn: null }],
  people: 1,
};

describe("the director's admin views", () => {
  it("list each program with its facts and its own buttons, escaping names people typed", () => {
    const json = JSON.stringify(adminMenu([program]).blocks);
    expect(json).toContain("*Heme &lt;Fellows&gt; &amp; Friends* — 1 person; 2026–27 &lt;b&gt;");
    expect(json).toContain("Check-ins every month, asking the mentor · no breaks · America/Chicago · default capacity 3 · announcements in <#C0ANNOUNCE>");
    const settled = JSON.stringify(adminMenu([{ ...program, checkinAlsoTrainee: true, breaks: [{ from: "2026-12-24", to: "2027-01-02" }, "2027-03-15"] }]).blocks);
    expect(settled).toContain("Check-ins every month, asking the mentor and the trainee · breaks: Thu 24 Dec 2026 – Sat 2 Jan 2027; Mon 15 Mar 2027 ·");
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
    expect(modal.blocks[2]).toMatchObject({ block_id: "program_timezone", element: { type: "static_select", initial_option: { value: "America/Chicago" } } });
    expect(modal.blocks[4]).toMatchObject({ block_id: "program_checkin_recipients", element: { type: "radio_buttons", initial_option: { value: "mentor" } } });
    expect(modal.blocks[5]).toMatchObject({ block_id: "program_breaks", optional: true, element: { type: "plain_text_input", multiline: true } });
    expect(modal.blocks[5]).not.toHaveProperty("element.initial_value");

    const settled = programModal({ ...program, checkinAlsoTrainee: true, breaks: [{ from: "2026-12-24", to: "2027-01-02" }, "2027-03-15"] }, { timezone: "UTC" }) as unknown as { blocks: object[] };
    expect(settled.blocks[4]).toMatchObject({ element: { initial_option: { value: "both", text: { text: "The mentor and the trainee" } } } });
    expect(settled.blocks[5]).toMatchObject({ element: { initial_value: "2026-12-24 to 2027-01-02\n2027-03-15" } });
  });

  it("offer every time zone in option groups within Slack's limits, with the director's own chosen for a new program", () => {
    type Select = { initial_option: { text: { text: string }; value: string }; option_groups: { label: { text: string }; options: { text: { text: string }; value: string }[] }[] };
    const select = (zone: string, p: typeof program | null = null) => (programModal(p, { timezone: zone }) as unknown as { blocks: { element: Select }[] }).blocks[2]!.element;
    const chicago = select("America/Chicago");
    expect(chicago.option_groups.length).toBeLessThanOrEqual(SELECT_LIMITS.groups);
    const values = chicago.option_groups.flatMap((g) => g.options.map((o) => o.value));
    expect(new Set(values).size).toBe(values.length);
    expect(values.length).toBeGreaterThan(300);
    for (const g of chicago.option_groups) {
      expect(g.label.text.length).toBeLessThanOrEqual(SELECT_LIMITS.text);
      expect(g.options.length).toBeLessThanOrEqual(SELECT_LIMITS.optionsPerGroup);
      for (const o of g.options) expect(o.text.text.length, o.text.text).toBeLessThanOrEqual(SELECT_LIMITS.text);
    }
    expect(chicago.initial_option).toEqual(chicago.option_groups.flatMap((g) => g.options).find((o) => o.value === "America/Chicago"));
    expect(chicago.initial_option.text.text).toContain("Central Time — Chicago");
    for (const city of ["Kolkata", "London", "Sydney", "São Paulo", "Lagos"]) expect(JSON.stringify(chicago.option_groups)).toContain(city);
    // Someone's Slack zone may be an old alias: the option of its group is chosen.
    expect(select("Asia/Calcutta").initial_option.value).toBe("Asia/Kolkata");
    expect(select("US/Central").initial_option.value).toBe("America/Chicago");
    expect(select("UTC").initial_option.value).toBe("UTC");
    // A stored zone in no group is offered as it is, so editing the program keeps it.
    const odd = select("UTC", { ...program, timezone: "Etc/GMT+5" });
    expect(odd.initial_option.value).toBe("Etc/GMT+5");
    expect(odd.option_groups[0]!.options).toEqual([odd.initial_option]);
  });

  it("offer no cohort picker when the program has no cohorts", () => {
    const withCohorts = peopleModal(program, program.cohorts) as unknown as { blocks: { block_id?: string }[] };
    const without = peopleModal(program, []) as unknown as { blocks: { block_id?: string }[] };
    expect(withCohorts.blocks.map((b) => b.block_id)).toContain("people_cohort");
    expect(without.blocks.map((b) => b.block_id)).not.toContain("people_cohort");
  });
});
