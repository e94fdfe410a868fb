/**
 * The time zones the form offers. The page never carries the whole list for a browser that runs
 * scripts: it offers a short list (the zones most people pick, grouped by region) and the
 * script searches the browser's own list (`Intl.supportedValuesOf`) only when asked. A browser
 * without scripts gets every zone in one grouped select (inside `<noscript>`, so it costs a
 * scripted browser no elements).
 */

/** Zones most candidates and interviewers are in, by region: the short list. */
export const COMMON_TIME_ZONES: Readonly<Record<string, readonly string[]>> = {
  Europe: [
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Zurich",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Athens",
    "Europe/Helsinki",
    "Europe/Istanbul",
  ],
  America: [
    "America/New_York",
    "America/Toronto",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Vancouver",
    "America/Anchorage",
    "America/Mexico_City",
    "America/Bogota",
    "America/Lima",
    "America/Santiago",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
  ],
  Asia: [
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Dhaka",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Singapore",
    "Asia/Hong_Kong",
    "Asia/Shanghai",
    "Asia/Manila",
    "Asia/Seoul",
    "Asia/Tokyo",
  ],
  Africa: ["Africa/Lagos", "Africa/Cairo", "Africa/Nairobi", "Africa/Johannesburg", "Africa/Casablanca"],
  Australia: ["Australia/Perth", "Australia/Brisbane", "Australia/Sydney", "Pacific/Auckland", "Pacific/Honolulu"],
};

/** How a region is named above its zones. */
const REGION_LABELS: Record<string, string> = {
  America: "Americas",
  Australia: "Australia and Pacific",
  Pacific: "Pacific",
  Atlantic: "Atlantic",
  Indian: "Indian Ocean",
  Antarctica: "Antarctica",
  Arctic: "Arctic",
  Other: "Other",
};

/**
 * ICU still lists some zones by their old names (Asia/Calcutta, Europe/Kiev); the form offers the
 * names people know, which every runtime accepts as the same zone.
 */
export const CURRENT_NAMES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

export type ZoneGroup = { region: string; label: string; zones: readonly string[] };

/** `America/Argentina/Buenos_Aires` → `Argentina / Buenos Aires`: the place, under its region's heading. */
export function zoneLabel(zone: string): string {
  const slash = zone.indexOf("/");
  return (slash === -1 ? zone : zone.slice(slash + 1)).replace(/_/g, " ").replace(/\//g, " / ");
}

const regionOf = (zone: string) => (zone.includes("/") ? (zone.split("/")[0] ?? "Other") : "Other");

/** Every zone by its current name, grouped by its region in the order the regions come; UTC under "Other". */
export function allZoneGroups(zones: readonly string[]): ZoneGroup[] {
  const groups = new Map<string, string[]>();
  const current = new Set([...zones, "UTC"].map((z) => CURRENT_NAMES[z] ?? z));
  for (const zone of current) {
    const region = regionOf(zone);
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  for (const list of groups.values()) list.sort();
  return [...groups].map(([region, list]) => ({ region, label: REGION_LABELS[region] ?? region, zones: list }));
}

/** The short list, each region's common zones under its heading, UTC last. */
export const SHORT_ZONE_GROUPS: readonly ZoneGroup[] = [
  ...Object.entries(COMMON_TIME_ZONES).map(([region, zones]) => ({
    region,
    label: REGION_LABELS[region] ?? region,
    zones,
  })),
  { region: "Other", label: "Other", zones: ["UTC"] },
];

/** Every zone this runtime knows, grouped: the select of a form without scripts. */
export const ALL_ZONE_GROUPS: readonly ZoneGroup[] = allZoneGroups(Intl.supportedValuesOf("timeZone"));
