import { standingOf } from "../../profiles/members.js";
import { mentoringHelp } from "../views/help.js";
import { commandAnswer } from "../../profiles/listeners/answer.js";
import { openExclusions, openPause, openProfile, pauseUntilDate, resumeNow } from "../../profiles/listeners/open.js";
import { openPrivacy } from "../../privacy/listeners/open.js";
import { openGoals } from "../../goals-meetings/listeners/goals/open.js";
import { openLog } from "../../goals-meetings/listeners/meetings/openLog.js";
import { thanksCommand } from "../../thanks/listeners/command.js";
import type { Interactions } from "../../../slack/interaction/pipeline.js";

/** `/mentoring [profile | pause [YYYY-MM-DD] | resume | exclusions | privacy | goals | log | thanks | help]`; anything else shows the help. */
export function mentoringCommand(on: Interactions): void {
  on.command({ command: "/mentoring", who: "anyone" }, async (i) => {
    const text = i.args.command.text;
    const [sub = "", arg] = text.trim().split(/\s+/);
    const answer = commandAnswer(i);
    switch (sub.toLowerCase()) {
      case "profile":
        return openProfile(i, answer);
      case "pause":
        return arg ? pauseUntilDate(i, answer, arg) : openPause(i, answer);
      case "resume":
        return resumeNow(i, answer);
      case "exclusions":
        return openExclusions(i, answer);
      case "privacy":
        return openPrivacy(i, answer);
      case "goals":
        return openGoals(i, answer);
      case "log":
        return openLog(i, answer);
      case "thanks":
        return thanksCommand(i, answer, text);
    }
    const standing = await standingOf(i.ctx, i.userId);
    await answer.message(mentoringHelp(standing));
  });
}
