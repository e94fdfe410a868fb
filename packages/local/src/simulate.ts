/**
 * `pnpm local:bounce <address> [bounce|complaint]`: asks the running local stack
 * (`pnpm dev`) to simulate an SES bounce or complaint for an address. It goes
 * through the same handler as SES events in production: the address is suppressed
 * and its pending workflows stop.
 */
const [address, type = "bounce"] = process.argv.slice(2);
if (!address || (type !== "bounce" && type !== "complaint")) {
  console.error("usage: pnpm local:bounce <address> [bounce|complaint]");
  process.exit(2);
}
const base = (process.env.PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
const res = await fetch(`${base}/__dev/ses-events`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ type, address }),
});
console.log(res.status, await res.text());
process.exit(res.ok ? 0 : 1);

export {};
