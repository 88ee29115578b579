import type { FakeUser } from "../../slack/standin/server.js";

/**
 * The demo workspace: a hematology fellowship's director, its fellows and residents, and faculty
 * mentors in several time zones. Made up; any likeness is chance.
 */

export const DEMO_TEAM = "T0DEMOHEME";
export const PROGRAM_NAME = "Hematology Fellowship";
export const PROGRAM_ZONE = "America/New_York";
export const COHORT = "2026–27 Fellows";

export interface DemoPerson {
  id: string;
  name: string;
  email: string;
  tz: string;
  /** A roster row (CSV cells after email); absent for the director, who is a Slack admin. */
  roster?: string;
  title: string;
}

const at = (local: string) => `${local}@stmarys-heme.example.org`;

export const DIRECTOR: DemoPerson = { id: "U0DIRECTOR", name: "Dr. Priya Raman", email: at("priya.raman"), tz: "America/New_York", title: "Program director", roster: "director,,senior_faculty,,hematology,,,leadership;medical_education,medical_education,connector,,1" };

/** role,cohort,career_stage,training_year,specialty,subspecialty,interests,expertise,career_paths,roles_offered,roles_wanted,capacity */
export const TRAINEES: DemoPerson[] = [
  { id: "U0ANA", name: "Ana López", email: at("ana.lopez"), tz: "America/New_York", title: "Fellow, PGY-4 (joined in December)", roster: `trainee,,fellow,1,hematology,thrombosis_hemostasis,thrombosis;VTE;grant_writing,,academic_research,,mentor;coach,` },
  { id: "U0BEN", name: "Ben Okafor", email: at("ben.okafor"), tz: "America/New_York", title: "Fellow, PGY-5", roster: `trainee,${COHORT},fellow,2,hematology_oncology,malignant_hematology,leukemia;clinical_trials,,academic_research;industry,,mentor;sponsor,` },
  { id: "U0CHEN", name: "Chen Wu", email: at("chen.wu"), tz: "America/Chicago", title: "Resident, PGY-3", roster: `trainee,,resident,3,internal_medicine,,thrombosis;quality_improvement,,clinical_practice,,mentor,` },
  { id: "U0DEV", name: "Dev Patel", email: at("dev.patel"), tz: "America/New_York", title: "Fellow, PGY-4", roster: `trainee,${COHORT},fellow,1,hematology,hemoglobinopathies,sickle_cell_disease;health_equity,,academic_research;medical_education,,mentor;sponsor,` },
  { id: "U0EMMA", name: "Emma Schultz", email: at("emma.schultz"), tz: "America/New_York", title: "Fellow, PGY-6", roster: `trainee,${COHORT},fellow,3,hematology_oncology,stem_cell_transplant,cellular_therapy;myeloma,,academic_research;industry,,mentor;connector,` },
  { id: "U0FARAH", name: "Farah Haddad", email: at("farah.haddad"), tz: "America/Los_Angeles", title: "Fellow, PGY-5", roster: `trainee,${COHORT},fellow,2,hematology,non_malignant_hematology,hemophilia;bone_marrow_failure,,clinical_practice,,mentor;coach,` },
  { id: "U0GABE", name: "Gabe Rivera", email: at("gabe.rivera"), tz: "America/New_York", title: "Resident, PGY-2", roster: `trainee,,resident,2,internal_medicine,,lymphoma;medical_education,,medical_education,,mentor,` },
  { id: "U0HANA", name: "Hana Sato", email: at("hana.sato"), tz: "America/New_York", title: "Fellow, PGY-4", roster: `trainee,${COHORT},fellow,1,hematology_oncology,malignant_hematology,lymphoma;outcomes_research,,academic_research,,mentor;sponsor,` },
  { id: "U0IKE", name: "Ike Mensah", email: at("ike.mensah"), tz: "America/Chicago", title: "Resident, PGY-3", roster: `trainee,,resident,3,internal_medicine,,transfusion;quality_improvement,,private_practice,,mentor,` },
  { id: "U0JULIA", name: "Julia Novak", email: at("julia.novak"), tz: "Europe/London", title: "Visiting fellow", roster: `trainee,${COHORT},fellow,2,hematology,thrombosis_hemostasis,thrombosis;global_health,,government;academic_research,,mentor;connector,` },
  { id: "U0KOFI", name: "Kofi Asante", email: at("kofi.asante"), tz: "America/New_York", title: "Fellow, PGY-5", roster: `trainee,${COHORT},fellow,2,hematology,hemoglobinopathies,sickle_cell_disease;basic_science,,phd_research,,mentor;coach,` },
  { id: "U0LENA", name: "Lena Fischer", email: at("lena.fischer"), tz: "America/Denver", title: "Resident, PGY-2", roster: `trainee,,resident,2,internal_medicine,,myeloma;leadership,,clinical_practice;industry,,mentor,` },
];

export const MENTORS: DemoPerson[] = [
  { id: "U0DANA", name: "Dr. Dana Reyes", email: at("dana.reyes"), tz: "America/New_York", title: "Professor of Medicine, thrombosis", roster: `mentor,,senior_faculty,,hematology,thrombosis_hemostasis,,thrombosis;VTE;hemophilia;grant_writing,academic_research;medical_education,mentor;sponsor,,3` },
  { id: "U0ELI", name: "Dr. Eli Novak", email: at("eli.novak"), tz: "America/Chicago", title: "Assistant Professor, lymphoma", roster: `mentor,,junior_faculty,,hematology_oncology,malignant_hematology,,lymphoma;clinical_trials,academic_research,mentor;coach,,2` },
  { id: "U0GRACE", name: "Dr. Grace Kim", email: at("grace.kim"), tz: "America/Los_Angeles", title: "Associate Professor, sickle cell", roster: `mentor,,mid_career_faculty,,hematology,hemoglobinopathies,,sickle_cell_disease;health_equity;outcomes_research,academic_research;government,mentor;sponsor;connector,,2` },
  { id: "U0HUGO", name: "Dr. Hugo Laurent", email: at("hugo.laurent"), tz: "Europe/Paris", title: "Professor, stem cell transplant", roster: `mentor,,senior_faculty,,hematology_oncology,stem_cell_transplant,,cellular_therapy;myeloma;leadership,academic_research;industry,mentor;sponsor,,2` },
  { id: "U0IRIS", name: "Dr. Iris Chen", email: at("iris.chen"), tz: "America/New_York", title: "Associate Professor, VTE clinic", roster: `mentor,,mid_career_faculty,,hematology,thrombosis_hemostasis,,thrombosis;VTE;quality_improvement;medical_education,clinical_practice;medical_education,mentor;coach,,2` },
  { id: "U0JAMAL", name: "Dr. Jamal Wright", email: at("jamal.wright"), tz: "America/Chicago", title: "Professor, leukemia", roster: `mentor,,senior_faculty,,hematology_oncology,malignant_hematology,,leukemia;clinical_trials;grant_writing,academic_research;industry,mentor;sponsor,,3` },
  { id: "U0KAREN", name: "Dr. Karen Olsen", email: at("karen.olsen"), tz: "America/Denver", title: "Transfusion medicine", roster: `mentor,,mid_career_faculty,,transfusion_medicine,,,transfusion;quality_improvement;leadership,clinical_practice;private_practice,mentor;coach;connector,,2` },
  { id: "U0LUIS", name: "Dr. Luis Ortega", email: at("luis.ortega"), tz: "America/Los_Angeles", title: "Hemophilia treatment center", roster: `mentor,,junior_faculty,,hematology,non_malignant_hematology,,hemophilia;bone_marrow_failure;global_health,clinical_practice;academic_research,mentor;coach,,2` },
];

/** What each mentor says on their profile about how they mentor and what came of it (the profile form's mentor part). */
export interface TrackRecord {
  handsOn: boolean;
  helpedGrants: boolean;
  copublishes: boolean;
  cadenceOffered: "WEEKLY" | "BIWEEKLY" | "MONTHLY" | "BIMONTHLY" | "QUARTERLY";
  pastFellows: string;
  editorialRoles?: string;
  bio: string;
}

export const TRACK_RECORDS: Record<string, TrackRecord> = {
  U0DANA: { handsOn: true, helpedGrants: true, copublishes: true, cadenceOffered: "MONTHLY", pastFellows: "Nine fellows since 2012: five on NIH K awards, two running VTE clinics, one at FDA.", editorialRoles: "Associate editor, Blood Advances", bio: "Runs the anticoagulation outcomes group. Happy to read drafts and to introduce you at ASH." },
  U0ELI: { handsOn: true, helpedGrants: false, copublishes: true, cadenceOffered: "BIWEEKLY", pastFellows: "Two fellows so far, both in academic lymphoma programs.", bio: "Early-career lymphoma investigator; I co-mentor with a senior colleague and meet often." },
  U0GRACE: { handsOn: true, helpedGrants: true, copublishes: true, cadenceOffered: "MONTHLY", pastFellows: "Six fellows: three sickle cell researchers, two in state health departments, one in industry.", bio: "Sickle cell outcomes and health equity; community partnerships and patient advisory boards." },
  U0HUGO: { handsOn: false, helpedGrants: true, copublishes: true, cadenceOffered: "BIMONTHLY", pastFellows: "Over twenty fellows in transplant programs in Europe and North America.", editorialRoles: "Editorial board, Bone Marrow Transplantation", bio: "Transplant and cellular therapy; I meet by video from Paris, mornings Eastern time." },
  U0IRIS: { handsOn: true, helpedGrants: false, copublishes: true, cadenceOffered: "MONTHLY", pastFellows: "Four fellows: three thrombosis clinicians, one clinician-educator.", bio: "Directs the VTE clinic and the fellows' teaching curriculum; quality improvement projects welcome." },
  U0JAMAL: { handsOn: false, helpedGrants: true, copublishes: true, cadenceOffered: "MONTHLY", pastFellows: "Twelve fellows, most in leukemia trials groups; two at pharmaceutical companies.", editorialRoles: "Study section member (NCI)", bio: "Leads the early-phase leukemia trials unit. Bring a question and I will bring the data." },
  U0KAREN: { handsOn: true, helpedGrants: false, copublishes: false, cadenceOffered: "MONTHLY", pastFellows: "Mentored residents into transfusion medicine and hospital leadership roles.", bio: "Blood bank medical director; patient blood management and running a service line." },
  U0LUIS: { handsOn: true, helpedGrants: false, copublishes: true, cadenceOffered: "BIWEEKLY", pastFellows: "One fellow, now at a hemophilia treatment center.", bio: "Hemophilia and bone marrow failure; global health work in Central America." },
};

export const EVERYONE: DemoPerson[] = [DIRECTOR, ...TRAINEES, ...MENTORS];

/** The people as the Slack stand-in knows them (users.info, users.lookupByEmail); the director is a workspace admin. */
export function slackUsers(): FakeUser[] {
  return EVERYONE.map((p) => ({ id: p.id, teamId: DEMO_TEAM, name: p.name, realName: p.name, email: p.email, tz: p.tz, isAdmin: p === DIRECTOR }));
}

/** The roster CSV a director would import (README → roster import). */
export function rosterCsv(): string {
  const header = "email,role,cohort,career_stage,training_year,specialty,subspecialty,interests,expertise,career_paths,roles_offered,roles_wanted,capacity";
  return [header, ...EVERYONE.map((p) => `${p.email},${p.roster}`)].join("\n") + "\n";
}
