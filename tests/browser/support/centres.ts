import { emailedSignInLink } from "@debrief/testkit/centres";
import type { Page } from "playwright-core";

/**
 * Signs an advisor in within the page's browser: the link asked for and read from the SES
 * emulator's store, opened, and its button pressed. The session cookie is then the link's
 * host's (PUBLIC_URL): go on from there.
 */
export async function signInInBrowser(
  page: Page,
  stack: { appUrl: string; url: string; inboxUrl: string },
  slug: string,
  email: string,
): Promise<void> {
  await page.goto(await emailedSignInLink(stack, slug, email));
  await Promise.all([
    page.waitForURL(new RegExp(`/c/${slug}/admin$`)),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
}
