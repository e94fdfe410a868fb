/**
 * `pnpm centre <command>`: provisions career centres on the same core code as the API.
 * Works against the local stack (AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000, TABLE_NAME=debriefs)
 * and against AWS (credentials and AWS_REGION as usual, TABLE_NAME of the deployed table and its
 * DIGEST_SECRET). Its stores come from the composition root (wiring.ts `wireOperator`).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  type AccountStore,
  type Centre,
  CentreExistsError,
  CentreNotFoundError,
  type CentreStore,
  createCentre,
  deleteCentre,
  exportCentre,
  issueAdvisorKey,
  LOCAL_TABLE_NAME,
  NotAllowedError,
  publicCentre,
  rotateOwnerKey,
  systemClock,
  updateCentre,
} from "@debrief/core";
import { wireOperator } from "../wiring";

/** Where pnpm dev serves by default: the links printed when no PUBLIC_URL is given. */
const LOCAL_PUBLIC_URL = "http://localhost:3000";

const USAGE = `Usage: pnpm centre <command> [options]

Commands:
  create --slug <slug> --name <display name> --advisor-name <name> --advisor-email <email>
         [--owner-name <name>] [--owner-email <email>] [settings]
                         Creates a centre and its owner (the advisor contact unless --owner-* is given), who
                         signs in at /c/<slug>/admin by email and invites the other advisors there. Prints an
                         API key of the owner's for scripts (shown once; only its hash is kept).
  list                   Lists every centre.
  update <slug> [settings]
                         Changes the given settings; the others stay as they are.
  rotate-key <slug>      Prints a new API key of the owner's and revokes the owner's earlier ones.
  export <slug> [--out <file>]
                         Writes the centre's settings and aggregate statistics as JSON (stdout by default).
  delete <slug> --yes [--export <file>]
                         Exports first if asked, then destroys the centre: its record, its keys and every
                         debrief's link to it (the debriefs stay their students').

Settings (create and update):
  --logo <https url>  --accent <#rrggbb>  --domain <domain> (repeat)  --cohort <name> (repeat)
  --tip <text> (repeat)  --resource "<title>|<https url>" (repeat)
  --nudge-hour <7-20>  --nudge-after-days <1-3>  --tips-after-days <1-7>
  --min-group-size <5-30>  the smallest group of students the statistics show (default 10)
  --settings <file.json>   any of the above as JSON (the admin API's field names)

Environment: TABLE_NAME (default "${LOCAL_TABLE_NAME}"), DIGEST_SECRET (a deployed stage's), AWS_REGION,
AWS_ENDPOINT_URL_DYNAMODB for the local stack, PUBLIC_URL (the stage's address, for the links it prints;
default ${LOCAL_PUBLIC_URL}, where pnpm dev serves).`;

const OPTIONS = {
  slug: { type: "string" },
  name: { type: "string" },
  "advisor-name": { type: "string" },
  "advisor-email": { type: "string" },
  "owner-name": { type: "string" },
  "owner-email": { type: "string" },
  logo: { type: "string" },
  accent: { type: "string" },
  domain: { type: "string", multiple: true },
  cohort: { type: "string", multiple: true },
  tip: { type: "string", multiple: true },
  resource: { type: "string", multiple: true },
  "nudge-hour": { type: "string" },
  "nudge-after-days": { type: "string" },
  "tips-after-days": { type: "string" },
  "min-group-size": { type: "string" },
  settings: { type: "string" },
  out: { type: "string" },
  export: { type: "string" },
  yes: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

/** The settings given on the command line, in the schema's shape; absent flags are left out. */
async function settingsFrom(v: Values, current?: Centre): Promise<Record<string, unknown>> {
  const fromFile = v.settings
    ? (JSON.parse((await import("node:fs")).readFileSync(v.settings, "utf8")) as Record<string, unknown>)
    : {};
  const out: Record<string, unknown> = { ...fromFile };
  if (v.slug !== undefined) out.slug = v.slug;
  if (v.name !== undefined) out.displayName = v.name;
  if (v["advisor-name"] !== undefined || v["advisor-email"] !== undefined) {
    out.advisor = {
      name: v["advisor-name"] ?? current?.advisor.name,
      email: v["advisor-email"] ?? current?.advisor.email,
    };
  }
  if (v.logo !== undefined) out.logoUrl = v.logo;
  if (v.accent !== undefined) out.accentColour = v.accent;
  if (v.domain) out.allowedDomains = v.domain;
  if (v.cohort) out.cohorts = v.cohort;
  if (v.tip) out.tips = v.tip;
  if (v.resource) {
    out.resources = v.resource.map((r) => {
      const i = r.lastIndexOf("|");
      return i < 0 ? { title: r, url: "" } : { title: r.slice(0, i).trim(), url: r.slice(i + 1).trim() };
    });
  }
  const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : Number.NaN);
  const timing: Record<string, number> = {};
  if (v["nudge-hour"] !== undefined) timing.nudgeHour = num(v["nudge-hour"]);
  if (v["nudge-after-days"] !== undefined) timing.nudgeAfterDays = num(v["nudge-after-days"]);
  if (v["tips-after-days"] !== undefined) timing.tipsAfterDays = num(v["tips-after-days"]);
  if (Object.keys(timing).length > 0) out.timing = { ...current?.timing, ...timing };
  if (v["min-group-size"] !== undefined) out.minGroupSize = num(v["min-group-size"]);
  return out;
}

class UsageError extends Error {}

/** Where the CLI writes: the terminal, or a test's buffers. */
export type CliIo = { out: (line: string) => void; err: (line: string) => void };
const terminal: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * Runs one command and returns its exit code: 0 done, 1 invalid settings, 2 a usage or state problem.
 * `publicUrl` is the stage's address, so the links printed can be pasted as they are.
 */
export async function runCentreCli(
  argv: string[],
  stores: { centres: CentreStore; accounts: AccountStore },
  io: CliIo = terminal,
  publicUrl = LOCAL_PUBLIC_URL,
): Promise<number> {
  try {
    return await run(argv, stores, io, publicUrl.replace(/\/+$/, ""));
  } catch (error) {
    const known =
      error instanceof UsageError ||
      error instanceof CentreNotFoundError ||
      error instanceof CentreExistsError ||
      error instanceof NotAllowedError;
    // parseArgs refuses unknown or malformed options with a TypeError carrying an ERR_PARSE_ARGS_* code.
    const badArgs =
      error instanceof TypeError && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
    if (!known && !badArgs) throw error;
    io.err((error as Error).message);
    return 2;
  }
}

async function run(
  argv: string[],
  stores: { centres: CentreStore; accounts: AccountStore },
  { out, err }: CliIo,
  publicUrl: string,
): Promise<number> {
  const store = stores.centres;
  const printErrors = (errors: Record<string, string>) => {
    err("The centre's settings need attention:");
    for (const [field, message] of Object.entries(errors)) err(`  ${field}: ${message}`);
  };
  const { values: v, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, slugArg] = positionals;
  if (v.help || !command) {
    out(USAGE);
    return command || v.help ? 0 : 2;
  }
  const clock = systemClock;
  const slug = () => {
    if (!slugArg) throw new UsageError(`"${command}" needs the centre's slug: pnpm centre ${command} <slug>`);
    return slugArg;
  };

  switch (command) {
    case "create": {
      const owner = { name: v["owner-name"], email: v["owner-email"] };
      const given = Object.fromEntries(Object.entries(owner).filter(([, value]) => value !== undefined));
      const result = await createCentre(stores, await settingsFrom(v), clock, given);
      if (!result.ok) {
        printErrors(result.errors);
        return 1;
      }
      const { centre } = result.value;
      const issued = await issueAdvisorKey(
        { accounts: stores.accounts, clock },
        centre.slug,
        result.value.owner,
        "Made by pnpm centre",
      );
      if (!issued.ok) throw new Error("The owner's key could not be made");
      out(`Created centre "${centre.slug}" (${centre.displayName}).`);
      out(`Branded link: ${publicUrl}/c/${centre.slug}`);
      out(`Advisors sign in at: ${publicUrl}/c/${centre.slug}/admin`);
      out(`Owner: ${result.value.owner.name} <${result.value.owner.email}> (signs in by email, invites the advisors)`);
      out("The owner's API key for scripts (shown once, store it now; only its hash is kept):");
      out(issued.value.key);
      return 0;
    }
    case "list": {
      const centres = await store.listCentres();
      if (centres.length === 0) out("No centres.");
      for (const c of centres) {
        const domains = c.allowedDomains.length ? c.allowedDomains.join(", ") : "any address";
        const team = await stores.accounts.team(c.slug);
        const shared = c.keyHashes.length ? `, the shared key` : "";
        out(
          `${c.slug}\t${c.displayName}\t${domains}\t${team.advisors.length} people, ${team.keys.length} key(s)${shared}`,
        );
      }
      return 0;
    }
    case "update": {
      const current = await store.getCentre(slug());
      if (!current) throw new CentreNotFoundError(`No centre "${slug()}"`);
      const changes = await settingsFrom(v, current);
      if (changes.slug !== undefined && changes.slug !== current.slug) {
        throw new UsageError("A centre's slug cannot change: its links are already printed");
      }
      const result = await updateCentre(store, slug(), changes, clock);
      if (!result.ok) {
        printErrors(result.errors);
        return 1;
      }
      out(JSON.stringify(publicCentre(result.value), null, 2));
      return 0;
    }
    case "rotate-key": {
      if (!(await store.getCentre(slug()))) throw new CentreNotFoundError(`No centre "${slug()}"`);
      const key = await rotateOwnerKey({ accounts: stores.accounts, clock }, slug());
      out(`New API key of the owner of "${slug()}" (shown once; the owner's earlier keys are revoked):`);
      out(key);
      return 0;
    }
    case "export": {
      const data = JSON.stringify(await exportCentre(store, slug(), clock.now()), null, 2);
      if (v.out) {
        writeFileSync(v.out, `${data}\n`, { mode: 0o600 });
        out(`Exported "${slug()}" to ${v.out}.`);
      } else out(data);
      return 0;
    }
    case "delete": {
      if (!v.yes) throw new UsageError(`Deleting destroys the centre's data: repeat with --yes to confirm`);
      if (v.export) {
        writeFileSync(v.export, `${JSON.stringify(await exportCentre(store, slug(), clock.now()), null, 2)}\n`, {
          mode: 0o600,
        });
        out(`Exported "${slug()}" to ${v.export}.`);
      }
      const { detached } = await deleteCentre(stores, slug(), clock.now());
      out(
        `Deleted centre "${slug()}": its people, keys and log are gone and ${detached} debrief(s) no longer link to it.`,
      );
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}"\n\n${USAGE}`);
  }
}

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  if (process.env.AWS_ENDPOINT_URL_DYNAMODB) {
    // The local stack's dynalite accepts any credentials; AWS needs the real ones, never these.
    process.env.AWS_REGION ??= "us-east-1";
    process.env.AWS_ACCESS_KEY_ID ??= "local";
    process.env.AWS_SECRET_ACCESS_KEY ??= "local";
  }
  const { centres, accounts } = wireOperator();
  try {
    const publicUrl = process.env.PUBLIC_URL || LOCAL_PUBLIC_URL;
    if (!URL.canParse(publicUrl)) {
      console.error(`PUBLIC_URL must be an address such as https://debrief.example.org, got "${publicUrl}"`);
      process.exitCode = 2;
      return;
    }
    process.exitCode = await runCentreCli(process.argv.slice(2), { centres, accounts }, terminal, publicUrl);
  } catch (error) {
    console.error(`Failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await main();
