/**
 * The hidden fields of a freshly rendered form (its signed ticket and the empty
 * honeypot), which a browser sends along with what the candidate typed.
 */
export async function formGuardFields(appUrl: string): Promise<Record<string, string>> {
  const html = await (await fetch(`${appUrl}/`)).text();
  const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1];
  if (!ticket) throw new Error("The form carries no ticket");
  return { ticket, website: "" };
}
