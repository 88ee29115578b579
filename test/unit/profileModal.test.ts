import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EMPTY_PROFILE, fieldsFor, validateProfileFields, validateProfileGoals, type ProfileData, type ProfileSection } from "../../src/domain/profile.js";
import { BASE_VOCABULARY, vocabularyWith, type Term } from "../../src/domain/vocabulary.js";
import { profileModal } from "../../src/features/profiles/views/profileModal.js";
import { profileErrors, profileMetadata, readProfileForm, readProfileGoals, type StateValues } from "../../src/features/profiles/views/profileForm.js";
import { privacyModal } from "../../src/features/privacy/views/privacyViews.js";
import { pauseModal } from "../../src/features/profiles/views/availabilityViews.js";
import { exclusionsModal } from "../../src/features/profiles/views/exclusionsModal.js";

type El = { type: string; action_id: string; initial_option?: { value: string }; initial_options?: { value: string }[]; initial_value?: string; options?: unknown[] };
type Block = { type: string; block_id?: string; element?: El };

const v = BASE_VOCABULARY;
const blocksOf = (view: { blocks?: unknown[] }) => (view.blocks ?? []) as Block[];
const ids = (view: { blocks?: unknown[] }) => blocksOf(view).map((b) => b.block_id).filter(Boolean);

/** What Slack would submit for a modal nobody touched: every input at its initial value. */
function untouched(view: { blocks?: unknown[] }): StateValues {
  const state: StateValues = {};
  for (const b of blocksOf(view)) {
    if (b.type !== "input" || !b.block_id || !b.element) continue;
    const e = b.element;
    const value =
      e.type === "static_select" || e.type === "radio_buttons"
        ? { type: e.type, selected_option: e.initial_option ?? null }
        : e.type === "multi_static_select" || e.type === "checkboxes"
          ? { type: e.type, selected_options: e.initial_options ?? [] }
          : { type: e.type, value: e.initial_value ?? null };
    state[b.block_id] = { [e.action_id]: value };
  }
  return state;
}

const key = (terms: readonly Term[]) => fc.option(fc.constantFrom(...terms.map((t) => t.key)), { nil: null });
const keys = (terms: readonly Term[]) => fc.uniqueArray(fc.constantFrom(...terms.map((t) => t.key)), { maxLength: terms.length });
const words = fc.stringMatching(/^[a-z][a-z0-9]{0,8}( [a-z0-9]{1,8})?$/).map((w) => w.replace(/ /g, "_"));
const tags = fc.uniqueArray(fc.oneof(fc.constantFrom(...v.interests.map((t) => t.key)), words), { maxLength: 8 });
const text = (max: number) => fc.option(fc.string({ minLength: 1, maxLength: max }).map((s) => s.trim()).filter((s) => s.length > 0), { nil: null });
const yesNo = fc.option(fc.boolean(), { nil: null });

const profiles: fc.Arbitrary<ProfileData> = fc.record({
  careerStage: key(v.careerStages.filter((s) => s.key === "junior_faculty")),
  trainingYear: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  specialty: key(v.specialties),
  subspecialty: key(v.subspecialties),
  careerPaths: keys(v.careerPaths),
  interests: tags,
  priorities: keys(v.priorities),
  rolesWanted: keys(v.mentorRoles),
  meetingCadence: key(v.cadences),
  meetingFormats: keys(v.meetingFormats),
  wantsHandsOn: yesNo,
  expertise: tags,
  rolesOffered: keys(v.mentorRoles),
  capacity: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  handsOn: yesNo,
  supervisorNote: text(300),
  cadenceOffered: key(v.cadences),
  helpedGrants: yesNo,
  copublishes: yesNo,
  editorialRoles: text(300),
  pastFellows: text(300),
  bio: text(1000),
});

/** A trainee's active goals, as the goal boxes show them. */
const goalTexts = fc.array(fc.string({ minLength: 1, maxLength: 200 }).map((s) => s.trim()).filter((s) => s.length > 0), { maxLength: 2 });

/** Selects and tag lists come back in the form's order; compare them as sets. */
const canonical = (p: ProfileData) => Object.fromEntries(Object.entries(p).map(([k, x]) => [k, Array.isArray(x) ? [...x].sort() : x]));

describe("the profile modal", () => {
  it("shows the trainee part to trainees, the mentor part to mentors, and both to someone who is both", () => {
    const trainee = ids(profileModal({ sections: ["trainee"], vocabulary: v, profile: EMPTY_PROFILE, goals: [] }));
    const mentor = ids(profileModal({ sections: ["mentor"], vocabulary: v, profile: EMPTY_PROFILE, goals: [] }));
    const both = ids(profileModal({ sections: ["trainee", "mentor"], vocabulary: v, profile: EMPTY_PROFILE, goals: [] }));
    expect(trainee).toContain("goal_1");
    expect(trainee).not.toContain("capacity");
    expect(mentor).toContain("capacity");
    expect(mentor).not.toContain("goal_1");
    expect(both).toEqual(expect.arrayContaining([...trainee, ...mentor]));
    expect(new Set(both).size).toBe(both.length);
  });

  it("stays within Slack's limits even when a program adds many words", () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ key: `topic_${i}`, label: `Topic ${i} `.repeat(10) }));
    const view = profileModal({ sections: ["trainee", "mentor"], vocabulary: vocabularyWith({ interests: many, careerPaths: many }), profile: EMPTY_PROFILE, goals: ["x".repeat(200), "y".repeat(200)] });
    expect(view.title?.text.length).toBeLessThanOrEqual(24);
    expect(blocksOf(view).length).toBeLessThanOrEqual(100);
    for (const b of blocksOf(view)) {
      expect(b.element?.options?.length ?? 0).toBeLessThanOrEqual(100);
      for (const o of (b.element?.options ?? []) as { text: { text: string } }[]) expect(o.text.text.length).toBeLessThanOrEqual(75);
    }
    for (const title of [pauseModal({ kind: "available" }, "UTC"), exclusionsModal([])].map((m) => m.title?.text ?? "")) expect(title.length).toBeLessThanOrEqual(24);
  });

  it("does not preselect a stored word the vocabulary no longer has (Slack would refuse the modal)", () => {
    const view = profileModal({ sections: ["mentor"], vocabulary: v, profile: { ...EMPTY_PROFILE, specialty: "retired_key", careerPaths: ["gone", "industry"] }, goals: [] });
    const el = (id: string) => blocksOf(view).find((b) => b.block_id === id)!.element!;
    expect(el("specialty").initial_option).toBeUndefined();
    expect(el("careerPaths").initial_options?.map((o) => o.value)).toEqual(["industry"]);
  });

  it("submitting a prefilled modal untouched gives back exactly the stored profile and the trainee's active goals", () => {
    fc.assert(
      fc.property(profiles, goalTexts, fc.constantFrom<ProfileSection[]>(["trainee"], ["mentor"], ["trainee", "mentor"]), (profile, goals, sections) => {
        const view = profileModal({ sections, vocabulary: v, profile, goals });
        const meta = profileMetadata((view as { private_metadata?: string }).private_metadata);
        const read = readProfileForm(untouched(view), meta.sections);
        const checked = validateProfileFields(v, EMPTY_PROFILE, read, fieldsFor(meta.sections));
        if (!checked.ok) return false;
        const shown = Object.fromEntries(fieldsFor(sections).map((f) => [f, profile[f]]));
        expect(canonical(checked.profile)).toEqual(canonical({ ...EMPTY_PROFILE, ...shown }));
        const readGoals = readProfileGoals(untouched(view), meta.sections);
        if (!sections.includes("trainee")) return readGoals === null;
        const checkedGoals = validateProfileGoals(readGoals!);
        expect(checkedGoals).toEqual({ ok: true, goals });
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it("merges picked suggestions with typed words, and reads empty inputs as not set", () => {
    const read = readProfileForm(
      {
        interests_suggested: { value: { type: "multi_static_select", selected_options: [{ value: "thrombosis" }] } },
        interests: { value: { type: "plain_text_input", value: " VTE, anticoagulation;;  " } },
        trainingYear: { value: { type: "plain_text_input", value: "  " } },
        wantsHandsOn: { value: { type: "radio_buttons", selected_option: { value: "unset" } } },
      },
      ["trainee"],
    );
    expect(read.interests).toEqual(["thrombosis", "VTE", "anticoagulation"]);
    expect(read.trainingYear).toBeNull();
    expect(read.wantsHandsOn).toBeNull();
    expect(read.capacity).toBeUndefined();
  });

  it("puts each error on the input it is about, the second goal included", () => {
    expect(
      profileErrors([
        { field: "goals", index: 1, message: "a goal must be at most 200 characters" },
        { field: "careerStage", message: "is not a known career stage" },
        { field: "capacity", message: "must be from 0 to 20" },
      ]),
    ).toEqual({ goal_2: "A goal must be at most 200 characters.", careerStage: "This is not a known career stage.", capacity: "Must be from 0 to 20." });
  });

  it("ignores private metadata it did not write", () => {
    expect(profileMetadata("not json")).toEqual({ sections: [] });
    expect(profileMetadata(JSON.stringify({ sections: ["admin"] }))).toEqual({ sections: [] });
  });
});

describe("the privacy view", () => {
  it("escapes what people typed and offers deletion behind a confirm dialog", () => {
    const view = privacyModal({
      slack: { name: "<!channel>", realName: null, email: "a@b.org", tz: "UTC", refreshedAt: new Date("2026-11-01T00:00:00Z") },
      enrollments: [],
      profile: { ...EMPTY_PROFILE, bio: "I <3 hemostasis & <@U123>" },
      goals: [{ id: "g", memberId: "m", text: "Win <K08>", status: "PARKED", progress: [{ at: "2026-11-01T00:00:00Z", by: "m", note: "n" }], createdAt: new Date() }],
      vocabulary: v,
      exclusions: 2,
      pause: { kind: "available" },
      surveys: [
        { programName: "Heme <Fellowship>", academicYearStart: "07-01", kind: "mentee", milestone: "m3", sentAt: new Date("2026-11-04T16:00:00Z"), answered: true },
        { programName: "Heme <Fellowship>", academicYearStart: "07-01", kind: "program", milestone: "year-2026", sentAt: new Date("2027-06-17T10:00:00Z"), answered: false },
      ],
      roundTables: [{ programName: "Heme <Fellowship>", startsAt: new Date("2026-11-19T23:00:00Z"), cancelled: false, choices: ["Academic research", "Industry"], seats: [{ rotation: 0, path: "Academic research", hostName: "Dr. <Adams>" }], hosting: null }],
    });
    const json = JSON.stringify(view.blocks);
    expect(json).toContain("&lt;!channel&gt;");
    expect(json).toContain("I &lt;3 hemostasis &amp; &lt;@U123&gt;");
    expect(json).not.toContain("<@U123>");
    expect(json).toContain("2 people");
    expect(json).toContain("Win &lt;K08&gt; — parked, 1 progress note");
    expect(json).toContain("Heme &lt;Fellowship&gt; — Mentee's view of the mentoring, 3 months into the match: asked Wed 4 Nov 2026, answered");
    expect(json).toContain("Program-wide end-of-year survey, at the end of the 2026–27 year: asked Thu 17 Jun 2027, not answered");
    expect(json).toContain("Your answers are anonymous");
    expect(json).toContain("Heme &lt;Fellowship&gt;, Thu 19 Nov 2026: you chose Academic research, Industry; your seats: 1. Academic research with Dr. &lt;Adams&gt;");
    expect(json).toContain('"action_id":"privacy_delete"');
    expect(json).toContain('"confirm"');
  });
});
