import { z } from "zod";
import { addPeople, checkAddPeople } from "../people.js";
import { ADMIN, ADMIN_FORMS, peopleTarget } from "../ids.js";
import { ROUND_ACTIONS } from "../../rounds/ids.js";
import { count } from "../../../slack/kit/plural.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";
import { blockErrors, ViewState } from "./state.js";
import { adminForm } from "./submit.js";

const B = ADMIN.blocks;
const FIELDS = { slackUserIds: B.peopleUsers, role: B.peopleRole, cohortId: B.peopleCohort };
const peopleSchema = z.object({
  slackUserIds: z.array(z.string().regex(/^[UW][A-Z0-9]+$/)).min(1, "Pick at least one person."),
  role: z.enum(["TRAINEE", "MENTOR", "DIRECTOR"], "Pick a role."),
  cohortId: z.string().min(1).nullable(),
});

const list = (ids: string[]) => ids.map((id) => `<@${id}>`).join(", ");

/** Add-people modal submitted: enroll (or update) the picked people in the program. */
export function peopleSubmitted(on: Interactions): void {
  adminForm(on, ADMIN_FORMS.people, async (i) => {
    const programId = i.metadata;
    const s = new ViewState(i.args.view.state.values);
    const parsed = peopleSchema.safeParse({ slackUserIds: s.users(B.peopleUsers), role: s.option(B.peopleRole), cohortId: s.option(B.peopleCohort) });
    if (!parsed.success) return { errors: blockErrors(parsed.error, FIELDS) };
    const { slackUserIds, role } = parsed.data;
    await checkAddPeople(i.ctx.db, i.by, { programId, cohortId: parsed.data.cohortId });
    return {
      working: { title: "Adding people", text: `Adding ${count(slackUserIds.length, "person", "people")} as ${role.toLowerCase()}…` },
      finish: async () => {
        const result = await addPeople(i.ctx, i.by, { programId, ...parsed.data });
        const label = role.toLowerCase();
        const lines = [
          result.created.length ? `Added as ${label}: ${list(result.created)}` : null,
          result.updated.length ? `Updated (already ${label}s): ${list(result.updated)}` : null,
          result.unchanged.length ? `Already there as ${label}, nothing to change: ${list(result.unchanged)}` : null,
        ].filter(Boolean);
        const next = [
          { text: "Add more people", actionId: ADMIN.actions.addPeople, value: peopleTarget.encode({ programId, ...(parsed.data.cohortId ? { cohortId: parsed.data.cohortId } : {}) }) },
          { text: "New round", actionId: ROUND_ACTIONS.create, value: programId },
        ];
        return { done: { title: "People added", text: `${lines.join("\n")}\nNext, add more people, or pair them in a round.`, next }, alsoRefresh: [...result.created, ...result.updated] };
      },
    };
  });
}
