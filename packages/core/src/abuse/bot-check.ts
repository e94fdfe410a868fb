/** A Turnstile-style verifier (Cloudflare Turnstile and hCaptcha share this siteverify protocol). */
export type BotCheckConfig = { secret: string; siteKey: string; verifyUrl: string };

export const TURNSTILE_VERIFY_URL = "https://challenges.cloudflare.com/turnstile/v0/siteverify";
/** The form field the widget fills in. */
export const BOT_CHECK_FIELD = "cf-turnstile-response";

/**
 * Asks the verifier whether the widget's response token is good. Fails closed: no
 * token, a refusal or an unreachable verifier all mean "not verified".
 */
export async function verifyBotCheck(
  config: BotCheckConfig,
  token: string | undefined,
  remoteIp: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<boolean> {
  if (!token || token.length > 2048) return false;
  const body = new URLSearchParams({ secret: config.secret, response: token });
  if (remoteIp) body.set("remoteip", remoteIp);
  try {
    const res = await fetchImpl(config.verifyUrl, { method: "POST", body, signal: AbortSignal.timeout(5000) });
    if (!res.ok) return false;
    const answer = (await res.json()) as { success?: unknown };
    return answer.success === true;
  } catch {
    return false;
  }
}
