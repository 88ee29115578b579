/** Text for the page's own chrome (the renderer escapes Block Kit content itself). */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The simulated time as the person reads it in their own zone: "Mon 7 Dec 2026, 09:14 (America/New_York)". */
export function clockLine(iso: string, zone: string): string {
  const when = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
  return `${when.replace(/,(?= \d{2}:)/, ",").replace(" at ", ", ")} (${zone.replace(/_/g, " ")})`;
}
