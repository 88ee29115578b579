import { Bits, Blocks, Elements, HomeTab, Md, Message, Modal, type BlockBuilder } from "slack-block-builder";
import type { ProfileData, ProfileField } from "../../../domain/profile.js";
import { labelOf, type Vocabulary } from "../../../domain/vocabulary.js";
import type { ErasureMessages, PrivacyReport } from "../privacy.js";
import { escapeMrkdwn } from "../../../slack/kit/escape.js";
import { count } from "../../../slack/kit/plural.js";
import { day } from "../../../slack/kit/dates.js";
import { milestoneName } from "../../../domain/surveys.js";
import { SURVEY_LABELS } from "../../surveys/views/settings.js";
import { pauseStateText } from "../../profiles/views/availabilityViews.js";
import { PROFILE_CALLBACKS } from "../../profiles/ids.js";
import { PRIVACY_ACTIONS, PRIVACY_CALLBACKS } from "../ids.js";

const FIELD_LABELS: Record<ProfileField, string> = {
  careerStage: "Career stage",
  trainingYear: "Training year",
  specialty: "Specialty",
  subspecialty: "Subspecialty interest",
  careerPaths: "Career paths",
  interests: "Interests",
  priorities: "What matters most",
  rolesWanted: "Kinds of help wanted",
  meetingCadence: "Meeting cadence wanted",
  meetingFormats: "Meeting formats",
  wantsHandsOn: "Wants hands-on supervision",
  expertise: "Expertise",
  rolesOffered: "Kinds of help offered",
  capacity: "Most mentees",
  handsOn: "Hands-on",
  supervisorNote: "Who supervises day to day",
  cadenceOffered: "Meeting cadence offered",
  helpedGrants: "Has helped mentees win grants",
  copublishes: "Co-publishes with mentees",
  editorialRoles: "Editorial roles",
  pastFellows: "Where past fellows went",
  bio: "Bio",
};

const tag = (key: string, v: Vocabulary) => labelOf(v.interests, key).replace(/_/g, " ");

/** A stored value as a person reads it: labels for keys, Yes/No for booleans; null when empty. */
function shown(field: ProfileField, p: ProfileData, v: Vocabulary): string | null {
  const value = p[field];
  if (value === null || (Array.isArray(value) && value.length === 0)) return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  const terms = {
    careerStage: v.careerStages,
    specialty: v.specialties,
    subspecialty: v.subspecialties,
    careerPaths: v.careerPaths,
    priorities: v.priorities,
    rolesWanted: v.mentorRoles,
    rolesOffered: v.mentorRoles,
    meetingCadence: v.cadences,
    cadenceOffered: v.cadences,
    meetingFormats: v.meetingFormats,
  }[field as string];
  const list = Array.isArray(value) ? value : [value];
  if (field === "interests" || field === "expertise") return list.map((k) => tag(k, v)).join(", ");
  return list.map((k) => (terms ? labelOf(terms, k) : k)).join(", ");
}

const line = (label: string, value: string | null) => `${Md.bold(label)}: ${value === null ? "—" : escapeMrkdwn(value)}`;

/** Why "Your data in Rounds" lists the surveys a person was asked but not what they answered. */
const SURVEY_ANSWERS_NOTE = "Your answers are anonymous: they are stored without your name or any link to you, so Rounds cannot show them to you, and they stay if you delete your data.";

/** A round-table session as the person took part in it: what they chose, where they sat, the table they host. */
function roundTableLine(t: PrivacyReport["roundTables"][number], tz: string): string {
  const parts: string[] = [];
  if (t.choices) parts.push(`you chose ${t.choices.map(escapeMrkdwn).join(", ")}`);
  if (t.seats.length) parts.push(`your seats: ${t.seats.map((x) => `${x.rotation + 1}. ${escapeMrkdwn(x.path)} with ${escapeMrkdwn(x.hostName)}`).join("; ")}`);
  if (t.hosting) parts.push(`you host the ${escapeMrkdwn(t.hosting)} table`);
  return `• ${escapeMrkdwn(t.programName)}, ${day(t.startsAt, tz)}${t.cancelled ? " (cancelled)" : ""}: ${parts.join("; ")}`;
}

/** Everything Rounds stores about the person, and the way to delete it. */
export function privacyModal(r: PrivacyReport) {
  const blocks: BlockBuilder[] = [
    Blocks.Section({ text: "This is everything Rounds stores about you in this workspace." }),
    Blocks.Header({ text: "From your Slack profile" }),
    Blocks.Section({
      text: [
        line("Name", r.slack.name),
        line("Full name", r.slack.realName),
        line("Email", r.slack.email),
        line("Time zone", r.slack.tz),
        line("Copied from Slack on", day(r.slack.refreshedAt, r.slack.tz)),
      ].join("\n"),
    }),
    Blocks.Header({ text: "Programs" }),
    Blocks.Section({
      text: r.enrollments.length
        ? r.enrollments.map((e) => `• ${escapeMrkdwn(e.programName)} — ${e.role.toLowerCase()}${e.cohortName ? ` (${escapeMrkdwn(e.cohortName)})` : ""}`).join("\n")
        : "You're not in any program.",
    }),
    Blocks.Header({ text: "Your profile" }),
  ];
  const filled = r.profile ? (Object.keys(FIELD_LABELS) as ProfileField[]).map((f) => [f, shown(f, r.profile!, r.vocabulary)] as const).filter(([, v]) => v !== null) : [];
  if (filled.length === 0) blocks.push(Blocks.Section({ text: "You haven't filled in a profile." }));
  for (const [f, v] of filled) blocks.push(Blocks.Section({ text: line(FIELD_LABELS[f], v).slice(0, 3000) }));
  if (r.goals.length) {
    const goal = (g: PrivacyReport["goals"][number]) =>
      `• ${escapeMrkdwn(g.text)} — ${g.status.toLowerCase()}, ${g.progress.length ? count(g.progress.length, "progress note") : "no progress notes yet"}`;
    blocks.push(Blocks.Header({ text: "Your goals" }), Blocks.Section({ text: r.goals.map(goal).join("\n").slice(0, 3000) }));
  }
  if (r.surveys.length) {
    const asked = (i: PrivacyReport["surveys"][number]) =>
      `• ${escapeMrkdwn(i.programName)} — ${SURVEY_LABELS[i.kind]}, ${milestoneName(i.milestone, i.academicYearStart)}: asked ${day(i.sentAt, r.slack.tz)}, ${i.answered ? "answered" : "not answered"}`;
    blocks.push(
      Blocks.Header({ text: "Surveys you were asked" }),
      Blocks.Section({ text: r.surveys.map(asked).join("\n").slice(0, 3000) }),
      Blocks.Context().elements(SURVEY_ANSWERS_NOTE),
    );
  }
  if (r.roundTables.length) {
    blocks.push(Blocks.Header({ text: "Career round tables" }), Blocks.Section({ text: r.roundTables.map((t) => roundTableLine(t, r.slack.tz)).join("\n").slice(0, 3000) }));
  }
  blocks.push(
    Blocks.Header({ text: "Availability and exclusions" }),
    Blocks.Section({
      text:
        `${pauseStateText(r.pause, r.slack.tz)}\n` +
        `Your confidential never-pair list has ${count(r.exclusions, "person", "people")} on it.`,
    }),
    Blocks.Divider(),
    Blocks.Section({
      text:
        `${Md.bold("Delete my data")}: removes your profile, your goals, your never-pair list (and anyone else's entries about you), ` +
        "your program memberships, the surveys you were asked, your round-table choices and seats, and your Slack details from Rounds. " +
        "Your current mentorships end (the other person is told) and requests waiting for an answer are withdrawn. Past mentorships stay in " +
        "program history as \"Former member\". Survey answers you gave stay: they were never linked to you. If you use Rounds again, you start afresh.",
    }).accessory(
      Elements.Button({ text: "Delete my data", actionId: PRIVACY_ACTIONS.delete })
        .danger()
        .confirm(
          Bits.ConfirmationDialog({
            title: "Delete your data?",
            text: "Your profile, goals, never-pair list, program memberships, survey invitations and round-table seats will be deleted and your current mentorships end. This cannot be undone.",
            confirm: "Delete",
            deny: "Keep it",
          }).danger(),
        ),
    ),
  );
  return Modal({ title: "Your data in Rounds", close: "Close", callbackId: PRIVACY_CALLBACKS.report }).blocks(blocks).buildToObject();
}


/** What the other side reads when someone deletes their data in Rounds. */
export const erasureMessages: ErasureMessages = {
  ended: (p, leaver) => {
    const program = escapeMrkdwn(p.programName);
    const text =
      p.kind === "request"
        ? `<@${leaver}> has left the mentoring program, so your request to them is closed. Type ${Md.codeInline("/findmentor")} for mentors who have room.`
        : p.kind === "mentorship-as-trainee"
          ? `<@${leaver}> has left the mentoring program, so your mentorship with them in ${program} has ended. If you'd like another mentor, type ${Md.codeInline("/findmentor")}.`
          : `<@${leaver}> has left the mentoring program, so your mentorship with them in ${program} has ended and your place is free again. Thank you for the time you gave it.`;
    const built = Message().text(text).blocks(Blocks.Section({ text })).buildToObject();
    return { text, blocks: built.blocks ?? [] };
  },
};

const DELETED = `${Md.bold("Your data was deleted.")} Rounds no longer holds your profile, goals, never-pair list, program memberships, survey invitations, round-table choices and seats, or Slack details. If you use Rounds again, you'll start as a new member.`;

export function deletedModal() {
  return Modal({ title: "Your data in Rounds", close: "Close", callbackId: PROFILE_CALLBACKS.info }).blocks(Blocks.Section({ text: DELETED })).buildToObject();
}

/** The Home tab right after deletion (published directly: refreshing it would re-create the member). */
export function deletedHome() {
  return HomeTab().blocks(Blocks.Header({ text: "Rounds — mentoring" }), Blocks.Section({ text: DELETED })).buildToObject();
}
