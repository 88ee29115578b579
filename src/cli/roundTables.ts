import { DateTime } from "luxon";
import { z } from "zod";
import { cliActor } from "../features/programs/audit.js";
import type { ProgramRecord } from "../features/programs/programs.js";
import { createRoundTableSession, listRoundTableSessions, programCareerPaths, ROUND_TABLE_LIMITS, seatNow, sessionFacts } from "../features/roundtables/roundTables.js";
import { roundTableMessages } from "../features/roundtables/views/messages.js";
import { programPeople } from "../store/roundTables.js";
import { dayTime } from "../slack/kit/dates.js";
import { count } from "../slack/kit/plural.js";
import type { Db } from "../store/database.js";
import { parseFlags, withDatabase } from "./dbCommand.js";
import { chooseProgram, chooseTeam, TEAM_ID, TEAM_ID_PROBLEM } from "./team.js";

export const ROUND_TABLES_USAGE = `Usage: npm run cli -- roundtables list [--team T0123ABCD]
       npm run cli -- roundtables create [--team T0123ABCD] --program NAME --start "YYYY-MM-DD HH:MM"
                      --deadline "YYYY-MM-DD HH:MM" [--rotations N] [--minutes N] [--table-size N]
                      --host PATH=EMAIL|USERID [--host PATH=EMAIL|USERID]...
       npm run cli -- roundtables seat SESSION_ID [--team T0123ABCD]
  Career round tables (docs/round-tables.md). create sets up a session in the program's time zone
  (rotations default 3, minutes per rotation 20, table size 6); each --host names a mentor of the
  program and the career path of their table (a key, e.g. medical_education, listed on error).
  Every trainee of the program is invited by DM to choose 2–3 paths; Rounds (running) sends the DMs.
  seat seats a session now, before its deadline, and queues everyone's schedule.
  --team may be left out when the database holds one workspace. Needs only the database.`;

const moment = (flag: string) => z.string({ error: `--${flag} "YYYY-MM-DD HH:MM" is required` }).regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/, `--${flag} must be "YYYY-MM-DD HH:MM"`);
const bounded = (flag: string, l: { min: number; max: number }, d: number) =>
  z.coerce.number().int(`--${flag} must be a whole number`).min(l.min, `--${flag} must be at least ${l.min}`).max(l.max, `--${flag} must be at most ${l.max}`).default(d);

const argsSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("list"), team: z.string().regex(TEAM_ID, TEAM_ID_PROBLEM).optional() }),
  z.object({ action: z.literal("seat"), id: z.string({ error: "name the session: roundtables seat SESSION_ID (see roundtables list)" }).min(1), team: z.string().regex(TEAM_ID, TEAM_ID_PROBLEM).optional() }),
  z.object({
    action: z.literal("create"),
    team: z.string().regex(TEAM_ID, TEAM_ID_PROBLEM).optional(),
    program: z.string({ error: "--program NAME is required" }).trim().min(1, "--program needs a name"),
    start: moment("start"),
    deadline: moment("deadline"),
    rotations: bounded("rotations", ROUND_TABLE_LIMITS.rotations, 3),
    minutes: bounded("minutes", ROUND_TABLE_LIMITS.minutesPerRotation, 20),
    "table-size": bounded("table-size", ROUND_TABLE_LIMITS.tableSize, 6),
    host: z.array(z.string().regex(/^[a-z0-9_]+=\S+$/, "--host must be PATH=EMAIL or PATH=USERID, e.g. medical_education=kim@example.org"), { error: "name at least one --host PATH=EMAIL|USERID" }).min(1),
  }),
]);

/** `roundtables list|create|seat`: exits 0, 1 (refused or failed) or 2 (bad usage). */
export async function runRoundTablesCommand(argv: string[], out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const options = {
    team: { type: "string" },
    program: { type: "string" },
    start: { type: "string" },
    deadline: { type: "string" },
    rotations: { type: "string" },
    minutes: { type: "string" },
    "table-size": { type: "string" },
    host: { type: "string", multiple: true },
  } as const;
  const flags = parseFlags(argv, options, z.object({ positionals: z.array(z.string()) }).passthrough(), ROUND_TABLES_USAGE, err);
  if (!flags) return 2;
  const [action, id] = flags.positionals as string[];
  const parsed = argsSchema.safeParse({ ...flags, action, id });
  if (!parsed.success) {
    err(`${parsed.error.issues[0]?.message ?? "bad arguments"}\n\n${ROUND_TABLES_USAGE}`);
    return 2;
  }
  const args = parsed.data;
  return withDatabase(err, async (db) => {
    if (args.action === "create") {
      const chosen = await chooseProgram(db, args.team, args.program);
      if (!chosen.ok) {
        err(chosen.problem);
        return chosen.code;
      }
      return createSession(db, chosen.teamId, chosen.program, args, out, err);
    }
    const choice = await chooseTeam(db, args.team);
    if (!choice.ok) {
      err(choice.problem);
      return choice.code;
    }
    const { teamId } = choice;
    const now = new Date();
    const by = cliActor(teamId);
    if (args.action === "list") {
      const sessions = await listRoundTableSessions(db, teamId, now);
      if (!sessions.length) out("No round-table sessions planned.");
      for (const s of sessions) {
        const f = sessionFacts(s);
        const state = s.seatedAt ? (s.followedUpAt ? "seated, followed up" : "seated") : `choices close ${dayTime(s.choiceDeadline, s.timezone)}`;
        out(`${s.id}  ${s.programName}  ${dayTime(s.startsAt, s.timezone)}  ${count(s.rotations, "rotation")} × ${s.minutesPerRotation} min  ${count(s.hosts.length, "table")} (${f.paths.map((p) => p.label).join(", ")})  ${count(s.choices, "trainee")} chose  ${state}`);
      }
      return 0;
    }
    const done = await seatNow({ db, now, workspaceId: teamId, messages: roundTableMessages }, by, args.id);
    out(`Seated ${count(done.seated, "trainee")} (${done.firstChoicesMet} at a table of their first choice); ${count(done.queued, "schedule")} queued for Rounds to send.${done.withoutSeat ? ` ${count(done.withoutSeat, "rotation seat")} could not be given: the tables were full.` : ""}`);
    return 0;
  });
}

/** `roundtables create`: the session set up in the chosen program, its hosts checked against the program's paths and mentors. */
async function createSession(db: Db, teamId: string, program: ProgramRecord, args: Extract<z.infer<typeof argsSchema>, { action: "create" }>, out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const now = new Date();
  const by = cliActor(teamId);
  const mentors = await programPeople(db, teamId, program.id, "MENTOR");
  const paths = programCareerPaths(program.vocabulary);
  const hosts: { slackUserId: string; careerPath: string }[] = [];
  for (const h of args.host) {
    const [path, who] = [h.slice(0, h.indexOf("=")), h.slice(h.indexOf("=") + 1)];
    if (!paths.some((p) => p.key === path)) {
      err(`${path} is not a career path of ${program.name}. Its paths: ${paths.map((p) => p.key).join(", ")}.`);
      return 1;
    }
    const mentor = mentors.find((m) => m.slackUserId === who || (m.email && m.email.toLowerCase() === who.toLowerCase()));
    if (!mentor) {
      err(`${who} is not a mentor in ${program.name}.`);
      return 1;
    }
    hosts.push({ slackUserId: mentor.slackUserId, careerPath: path });
  }
  const at = (text: string) => DateTime.fromISO(text.replace(" ", "T"), { zone: program.timezone }).toJSDate();
  const created = await createRoundTableSession({ db, now, workspaceId: teamId, messages: roundTableMessages }, by, {
    programId: program.id,
    startsAt: at(args.start),
    choiceDeadline: at(args.deadline),
    rotations: args.rotations,
    minutesPerRotation: args.minutes,
    tableSize: args["table-size"],
    hosts,
  });
  if (!created.ok) {
    err(created.message.replace(/<@([A-Z0-9]+)>/g, "$1"));
    return 1;
  }
  const s = created.session;
  out(`Round tables ${s.id} set for ${dayTime(s.startsAt, s.timezone)} in ${s.programName} with ${count(s.hosts.length, "table")}; ${count(created.invited, "trainee")} invited to choose by ${dayTime(s.choiceDeadline, s.timezone)}.`);
  return 0;
}
