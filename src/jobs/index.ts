import type { Job } from "./job.js";
import { pruneDeliveries } from "./pruneDeliveries.js";
import { requestReminders } from "./requestReminders.js";
import { checkins } from "./checkins.js";
import { announcements } from "./announcements.js";
import { rounds } from "./rounds.js";
import { agendaPrompts } from "./agendaPrompts.js";
import { purgeUninstalled } from "./purgeUninstalled.js";
import { surveys } from "./surveys.js";
import { yearEnd } from "./yearEnd.js";
import { roundTables } from "./roundTables.js";

/** Every scheduled job; later features add theirs here. */
export const jobs: Job[] = [pruneDeliveries, requestReminders, checkins, announcements, rounds, agendaPrompts, purgeUninstalled, surveys, yearEnd, roundTables];
