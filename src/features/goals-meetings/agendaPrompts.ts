import type { Db } from "../../store/database.js";
import { enqueue } from "../../store/outbox.js";
import { agendaPlanPage, type AgendaPlanRow } from "../../store/meetings.js";
import { workspacesWithActiveMatches } from "../../store/checkins.js";
import { runKeysDone, runOnce } from "../../store/jobRuns.js";
import { liveWorkspacesOnly } from "../../store/workspaces.js";
import { planCheckins, type PlanOptions } from "../../domain/checkinPlan.js";
import { periodAt } from "../../domain/cadence.js";
import type { Payload } from "../requests/requests.js";
import type { RunTime } from "../ports.js";

/** The job name on agenda-prompt run keys (`agenda:<match>:<period>`, see domain/checkinPlan.ts). */
export const AGENDA_JOB = "agenda-prompts";
const PAGE_SIZE = 500;

/** What the prompt says; src/features/goals-meetings/views/meetings/agendaPrompt.ts writes it. */
export interface AgendaPromptCard {
  matchId: string;
  mentorSlackUserId: string;
  dueBy: Date;
  traineeTz: string | null;
  agenda: string | null;
}

/**
 * The agenda-prompt job: for every active match, the plan (domain/checkinPlan.ts) says when the
 * trainee is nudged to set an agenda (the last working-hours slot 2 days before the period ends);
 * each prompt is queued once under its run key, through the outbox, to go out from `at.sendFrom`.
 * Returns how many were queued.
 */
export async function queueDueAgendaPrompts(db: Db, at: RunTime, build: (card: AgendaPromptCard) => Payload, options: PlanOptions & { pageSize?: number } = {}): Promise<number> {
  const { now, sendFrom } = at;
  let queued = 0;
  for (const workspaceId of await workspacesWithActiveMatches(db, await liveWorkspacesOnly(db))) {
    let afterId: string | null = null;
    for (;;) {
      const page: AgendaPlanRow[] = await agendaPlanPage(db, workspaceId, afterId, options.pageSize ?? PAGE_SIZE);
      if (!page.length) break;
      afterId = page[page.length - 1]!.plan.matchId;
      const rows = new Map(page.map((r) => [r.plan.matchId, r]));
      const due = planCheckins(now, page.map((r) => r.plan), options).filter((a) => a.kind === "agenda-prompt");
      const done = await runKeysDone(db, due.map((a) => a.runKey));
      for (const action of due.filter((a) => !done.has(a.runKey))) {
        const row = rows.get(action.matchId)!;
        const period = periodAt(row.plan, now)!;
        const payload = build({ matchId: action.matchId, mentorSlackUserId: row.mentorSlackUserId, dueBy: period.end, traineeTz: row.traineeTz, agenda: row.agenda });
        const ran = await runOnce(db, { key: action.runKey, job: AGENDA_JOB, workspaceId }, now, async (tx) => {
          await enqueue(tx, { workspaceId, key: action.runKey, channel: row.traineeDm, payload: { ...payload }, notBefore: sendFrom });
        });
        if (ran) queued += 1;
      }
    }
  }
  return queued;
}
