import { rawTimeZones, type RawTimeZone } from "@vvo/tzdb";
import { Bits, Elements } from "slack-block-builder";

/**
 * The program form's time zone picker: every time zone of the IANA database (from @vvo/tzdb, kept up
 * to date with it), one option per zone group, in option groups by continent — each group within
 * Slack's 100 options — plus UTC. An option reads "Central Time — Chicago, Houston, San Antonio…";
 * typing a city filters the list. The value is the zone's IANA name. A zone that is not one of the
 * options (a stored alias such as US/Central, or Asia/Calcutta from someone's Slack profile) selects
 * the option of its group; one in no group is offered as it is, on top.
 */

/** Slack's limits for a static select with option groups. */
export const SELECT_LIMITS = { groups: 100, optionsPerGroup: 100, text: 75, value: 150 } as const;

interface ZoneOption {
  text: string;
  value: string;
}

const UTC: ZoneOption = { text: "UTC — Coordinated Universal Time", value: "UTC" };

const cut = (s: string) => (s.length > SELECT_LIMITS.text ? `${s.slice(0, SELECT_LIMITS.text - 1)}…` : s);
/** "America/Argentina/Buenos_Aires" → "Buenos Aires". */
const cityOf = (name: string) => name.slice(name.lastIndexOf("/") + 1).replace(/_/g, " ");

function optionOf(z: RawTimeZone): ZoneOption {
  const cities = [...new Set([cityOf(z.name), ...z.mainCities])];
  return { text: cut(`${z.alternativeName} — ${cities.join(", ")}`), value: z.name };
}

/** The continents, each with its zones ordered west to east; UTC on its own. */
export function zoneGroups(): { label: string; options: ZoneOption[] }[] {
  const byContinent = new Map<string, RawTimeZone[]>();
  for (const z of rawTimeZones) byContinent.set(z.continentName, [...(byContinent.get(z.continentName) ?? []), z]);
  const groups = [...byContinent.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, zones]) => ({
      label,
      options: zones.sort((a, b) => a.rawOffsetInMinutes - b.rawOffsetInMinutes || a.name.localeCompare(b.name)).map(optionOf),
    }));
  return [{ label: "Universal", options: [UTC] }, ...groups];
}

/** The option a zone name selects: its own, its group's, or none (then it is offered on its own). */
export function zoneOptionFor(zone: string, groups = zoneGroups()): ZoneOption | null {
  const all = groups.flatMap((g) => g.options);
  const own = all.find((o) => o.value === zone);
  if (own) return own;
  const group = rawTimeZones.find((z) => z.group.includes(zone));
  return group ? (all.find((o) => o.value === group.name) ?? null) : null;
}

/** The select, with `zone` (the program's, or the director's own for a new program) chosen. */
export function timezoneSelect(actionId: string, zone: string) {
  const groups = zoneGroups();
  const chosen = zoneOptionFor(zone, groups) ?? { text: cut(`${cityOf(zone)} (${zone})`), value: zone };
  if (!groups.some((g) => g.options.some((o) => o.value === chosen.value))) groups.unshift({ label: "Current", options: [chosen] });
  return Elements.StaticSelect({ actionId, placeholder: "Pick a time zone" })
    .optionGroups(groups.map((g) => Bits.OptionGroup({ label: g.label }).options(g.options.map((o) => Bits.Option(o)))))
    .initialOption(Bits.Option(chosen));
}
