import { z } from "zod";

/**
 * The words Rounds uses for people: one place, extendable per program (Program.vocabulary).
 * Keys are stored; labels are shown. Stages carry a seniority rank so scoring can tell who is
 * further along.
 */

export interface Term {
  key: string;
  label: string;
}

export interface Stage extends Term {
  /** Higher is more senior. */
  rank: number;
  /** Who the stage describes: trainees, mentors, or both (junior faculty are both). */
  side: "trainee" | "mentor" | "both";
}

export const CAREER_STAGES: readonly Stage[] = [
  { key: "medical_student", label: "Medical student", rank: 1, side: "trainee" },
  { key: "resident", label: "Resident", rank: 2, side: "trainee" },
  { key: "fellow", label: "Fellow", rank: 3, side: "trainee" },
  { key: "junior_faculty", label: "Junior faculty", rank: 4, side: "both" },
  { key: "mid_career_faculty", label: "Mid-career faculty", rank: 5, side: "mentor" },
  { key: "senior_faculty", label: "Senior faculty", rank: 6, side: "mentor" },
  { key: "emeritus", label: "Emeritus", rank: 7, side: "mentor" },
];

export const CAREER_PATHS: readonly Term[] = [
  { key: "clinical_practice", label: "Clinical practice" },
  { key: "clinical_malignant_hematology", label: "Clinical malignant hematology" },
  { key: "clinical_nonmalignant_hematology", label: "Clinical non-malignant hematology" },
  { key: "academic_research", label: "Academic research" },
  { key: "medical_education", label: "Medical education" },
  { key: "systems_based_practice", label: "Systems-based practice" },
  { key: "private_practice", label: "Private practice" },
  { key: "industry", label: "Industry" },
  { key: "government", label: "Government" },
  { key: "phd_research", label: "PhD / lab research" },
];

export const PRIORITIES: readonly Term[] = [
  { key: "research_advice", label: "Research advice" },
  { key: "clinical_mentorship", label: "Clinical mentorship" },
  { key: "grants", label: "Grants" },
  { key: "publications", label: "Publications" },
  { key: "career_transition", label: "Career transition" },
  { key: "work_life_balance", label: "Work-life balance" },
  { key: "networking", label: "Networking" },
];

/** The kinds of help a mentor can offer (from the mentoring literature). */
export const MENTOR_ROLES: readonly Term[] = [
  { key: "mentor", label: "Mentor" },
  { key: "coach", label: "Coach" },
  { key: "sponsor", label: "Sponsor" },
  { key: "connector", label: "Connector" },
];

export const MEETING_FORMATS: readonly Term[] = [
  { key: "in_person", label: "In person" },
  { key: "video", label: "Video" },
  { key: "chat", label: "Chat" },
];

/** Same keys as the Cadence enum in prisma/schema.prisma. */
export const CADENCES: readonly (Term & { days: number })[] = [
  { key: "WEEKLY", label: "Every week", days: 7 },
  { key: "BIWEEKLY", label: "Every 2 weeks", days: 14 },
  { key: "MONTHLY", label: "Every month", days: 30 },
  { key: "BIMONTHLY", label: "Every 2 months", days: 61 },
  { key: "QUARTERLY", label: "Every 3 months", days: 91 },
];

export const SPECIALTIES: readonly Term[] = [
  { key: "hematology", label: "Hematology" },
  { key: "oncology", label: "Oncology" },
  { key: "hematology_oncology", label: "Hematology/Oncology" },
  { key: "internal_medicine", label: "Internal medicine" },
  { key: "pediatrics", label: "Pediatrics" },
  { key: "pediatric_hematology_oncology", label: "Pediatric hematology/oncology" },
  { key: "pathology", label: "Pathology" },
  { key: "transfusion_medicine", label: "Transfusion medicine" },
  { key: "family_medicine", label: "Family medicine" },
  { key: "surgery", label: "Surgery" },
  { key: "other", label: "Other" },
];

export const SUBSPECIALTIES: readonly Term[] = [
  { key: "malignant_hematology", label: "Malignant hematology" },
  { key: "non_malignant_hematology", label: "Non-malignant (classical) hematology" },
  { key: "thrombosis_hemostasis", label: "Thrombosis and hemostasis" },
  { key: "stem_cell_transplant", label: "Stem cell transplant and cellular therapy" },
  { key: "hemoglobinopathies", label: "Hemoglobinopathies" },
  { key: "solid_tumor_oncology", label: "Solid tumor oncology" },
  { key: "other", label: "Other" },
];

/** Suggested interest and expertise tags; people may add their own words as well. */
export const INTERESTS: readonly Term[] = [
  { key: "thrombosis", label: "Thrombosis" },
  { key: "hemophilia", label: "Hemophilia" },
  { key: "sickle_cell_disease", label: "Sickle cell disease" },
  { key: "leukemia", label: "Leukemia" },
  { key: "lymphoma", label: "Lymphoma" },
  { key: "myeloma", label: "Myeloma" },
  { key: "mds", label: "Myelodysplastic syndromes" },
  { key: "bone_marrow_failure", label: "Bone marrow failure" },
  { key: "transfusion", label: "Transfusion" },
  { key: "cellular_therapy", label: "Cellular therapy" },
  { key: "clinical_trials", label: "Clinical trials" },
  { key: "grant_writing", label: "Grant writing" },
  { key: "health_equity", label: "Health equity" },
  { key: "quality_improvement", label: "Quality improvement" },
  { key: "medical_education", label: "Medical education" },
  { key: "global_health", label: "Global health" },
  { key: "basic_science", label: "Basic science" },
  { key: "outcomes_research", label: "Outcomes research" },
  { key: "leadership", label: "Leadership" },
];

export interface Vocabulary {
  careerStages: readonly Stage[];
  careerPaths: readonly Term[];
  priorities: readonly Term[];
  mentorRoles: readonly Term[];
  meetingFormats: readonly Term[];
  cadences: readonly (Term & { days: number })[];
  specialties: readonly Term[];
  subspecialties: readonly Term[];
  interests: readonly Term[];
}

export const BASE_VOCABULARY: Vocabulary = {
  careerStages: CAREER_STAGES,
  careerPaths: CAREER_PATHS,
  priorities: PRIORITIES,
  mentorRoles: MENTOR_ROLES,
  meetingFormats: MEETING_FORMATS,
  cadences: CADENCES,
  specialties: SPECIALTIES,
  subspecialties: SUBSPECIALTIES,
  interests: INTERESTS,
};

/** What a program may add: more specialties, subspecialties, career paths, interests. */
export interface VocabularyExtension {
  specialties?: Term[];
  subspecialties?: Term[];
  careerPaths?: Term[];
  interests?: Term[];
}

const mergeTerms = <T extends Term>(base: readonly T[], extra: readonly T[] | undefined): readonly T[] => {
  if (!extra?.length) return base;
  const known = new Set(base.map((t) => t.key));
  return [...base, ...extra.filter((t) => !known.has(t.key) && known.add(t.key))];
};

/** The base vocabulary plus every extension (e.g. of all programs a person is in). */
export function vocabularyWith(...extensions: (VocabularyExtension | null | undefined)[]): Vocabulary {
  return extensions.reduce<Vocabulary>(
    (v, ext) =>
      ext
        ? {
            ...v,
            specialties: mergeTerms(v.specialties, ext.specialties),
            subspecialties: mergeTerms(v.subspecialties, ext.subspecialties),
            careerPaths: mergeTerms(v.careerPaths, ext.careerPaths),
            interests: mergeTerms(v.interests, ext.interests),
          }
        : v,
    BASE_VOCABULARY,
  );
}

export function labelOf(terms: readonly Term[], key: string): string {
  return terms.find((t) => t.key === key)?.label ?? key;
}

export function stageRank(key: string | null | undefined): number | null {
  return CAREER_STAGES.find((s) => s.key === key)?.rank ?? null;
}

/** Free-text tags people type ("Grant writing", " VTE ") become stable keys ("grant_writing", "vte"). */
export function normalizeTag(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const termList = z.array(z.object({ key: z.string().min(1), label: z.string().min(1) })).optional();
const extensionSchema = z.object({
  specialties: termList,
  subspecialties: termList,
  careerPaths: termList,
  interests: termList,
});

/**
 * A program's stored extension (Program.vocabulary JSON), read leniently: anything unreadable
 * counts as no extension, so a bad value never locks people out of their profile.
 */
export function parseVocabularyExtension(json: unknown): VocabularyExtension | null {
  const parsed = extensionSchema.safeParse(json);
  if (!parsed.success) return null;
  const out: VocabularyExtension = {};
  for (const k of ["specialties", "subspecialties", "careerPaths", "interests"] as const) {
    const list = parsed.data[k];
    if (list) out[k] = list.map((t) => ({ key: t.key, label: t.label }));
  }
  return out;
}

/** The career stages that describe one side (or both sides, for someone who is both). */
export function stagesFor(v: Vocabulary, sides: readonly ("trainee" | "mentor")[]): readonly Stage[] {
  return v.careerStages.filter((s) => s.side === "both" || sides.includes(s.side));
}
