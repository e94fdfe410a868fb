import type { Debrief } from "../debrief/model";

/** The centre's own tips and resources, appended to the tips email of its students. */
export function centreTipSections(
  d: Pick<Debrief, "centreSnapshot">,
): { id: string; heading: string; items: string[] }[] {
  const c = d.centreSnapshot;
  if (!c) return [];
  const sections = [];
  if (c.tips.length > 0) sections.push({ id: "centre-tips", heading: `Tips from ${c.displayName}`, items: c.tips });
  const contact = `Your advisor: ${c.advisor.name}, ${c.advisor.email}.`;
  sections.push({
    id: "centre-resources",
    heading: `Resources from ${c.displayName}`,
    items: [...c.resources.map((r) => `${r.title}: ${r.url}`), contact],
  });
  return sections;
}
