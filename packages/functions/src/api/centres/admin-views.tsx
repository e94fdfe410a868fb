import {
  type Advisor,
  type AdvisorKey,
  type Centre,
  type CentreEvent,
  type CentreEventKind,
  CHECKIN_ANSWER_LABELS,
  type FieldErrors,
  type SharedDebriefView,
  SIGN_IN_LINK_MINUTES,
  type Team,
} from "@debrief/core";
import type { Child } from "hono/jsx";
import { ErrorSummary, Field } from "../web/controls";

/** Where an advisor's pages live. */
export const adminPath = (slug: string, rest = "") => `/c/${slug}/admin${rest}`;

export type AdminSection = "insights" | "shared" | "team" | "activity";
const SECTIONS: { id: AdminSection; label: string; path: string; ownerOnly?: boolean }[] = [
  { id: "insights", label: "Insights", path: "" },
  { id: "shared", label: "Shared debriefs", path: "/shared" },
  { id: "team", label: "Team and keys", path: "/team" },
  { id: "activity", label: "Activity", path: "/activity", ownerOnly: true },
];

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** Every signed-in page: who is signed in, the way out, and the centre's sections. */
export function AdminFrame({
  centre,
  advisor,
  section,
  notice,
  children,
}: {
  centre: Pick<Centre, "slug" | "displayName">;
  advisor: Advisor;
  section: AdminSection;
  notice?: string;
  children: Child;
}) {
  const current = SECTIONS.find((s) => s.id === section);
  return (
    <>
      <div class="signed-in">
        <p>
          Signed in to {centre.displayName} as <strong>{advisor.name}</strong> ({advisor.email}),{" "}
          {advisor.role === "owner" ? "the owner" : "an advisor"}.
        </p>
        <form method="post" action={adminPath(centre.slug, "/sign-out")}>
          <button type="submit" class="secondary">
            Sign out
          </button>
        </form>
      </div>
      <nav aria-label={`${centre.displayName} pages`} class="sections">
        <ul>
          {SECTIONS.filter((s) => !s.ownerOnly || advisor.role === "owner").map((s) => (
            <li>
              <a href={adminPath(centre.slug, s.path)} aria-current={s.id === section ? "page" : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{current?.label ?? centre.displayName}</h1>
      {notice ? (
        <div class="notice" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      {children}
    </>
  );
}

/** The sign-in form: an address, and a link by email. */
export function SignInPage({
  centre,
  email = "",
  errors = {},
}: {
  centre: Pick<Centre, "slug" | "displayName">;
  email?: string;
  errors?: FieldErrors;
}) {
  return (
    <>
      <h1>Sign in to {centre.displayName}</h1>
      <p class="lede">
        For the centre's advisors. Enter the address your centre's owner added: we email you a link that signs you in
        once, within {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      <form method="post" action={adminPath(centre.slug, "/sign-in")} novalidate>
        <ErrorSummary
          heading="There is a problem"
          items={errors.email ? [{ href: "#email", text: errors.email }] : []}
        />
        <Field
          id="email"
          name="email"
          type="email"
          label="Your email address"
          autocomplete="email"
          required
          value={email}
          error={errors.email}
        />
        <button type="submit" class="primary">
          Email me a sign-in link
        </button>
      </form>
    </>
  );
}

/** The same answer whether or not the address has an account. */
export function CheckEmailPage({ centre, email }: { centre: Pick<Centre, "slug" | "displayName">; email: string }) {
  return (
    <>
      <h1>Check your email</h1>
      <div class="notice" role="status">
        <p>
          If {email} has an account at {centre.displayName}, a sign-in link is on its way. It works once, within{" "}
          {SIGN_IN_LINK_MINUTES} minutes, and a newer link replaces it.
        </p>
      </div>
      <p>
        <a href={adminPath(centre.slug)}>Ask for a link for another address</a>
      </p>
    </>
  );
}

/** What an emailed link opens: a button that POSTs, since mail scanners follow links. */
export function SignInLinkPage({ centre, path }: { centre: Pick<Centre, "displayName">; path: string }) {
  return (
    <>
      <h1>Sign in to {centre.displayName}</h1>
      <p>Press the button to sign in on this device. The link works once.</p>
      <form method="post" action={path}>
        <button type="submit" class="primary">
          Sign in
        </button>
      </form>
    </>
  );
}

export function LinkRefusedPage({ centre }: { centre: Pick<Centre, "slug"> }) {
  return (
    <>
      <h1>This sign-in link no longer works</h1>
      <p>
        It was already used, it is more than {SIGN_IN_LINK_MINUTES} minutes old, or a newer link replaced it. Each link
        signs you in once.
      </p>
      <p>
        <a href={adminPath(centre.slug)}>Ask for a new link</a>
      </p>
    </>
  );
}

/** The debriefs students chose to share: dates only until one is opened (and that is recorded). */
export function SharedListPage({ slug, debriefs }: { slug: string; debriefs: { id: string; submittedAt: string }[] }) {
  if (debriefs.length === 0) return <p>No student has shared a debrief.</p>;
  return (
    <>
      <p>Opening a debrief is recorded, and the student sees it on their page.</p>
      <ul class="shared">
        {debriefs.map((d) => (
          <li>
            <a href={adminPath(slug, `/shared/${d.id}`)}>Debrief submitted {when(d.submittedAt)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One shared debrief, as the student wrote it. */
export function SharedDebriefPage({ slug, view }: { slug: string; view: SharedDebriefView }) {
  const { candidate, interview } = view.debrief;
  const outcome = Object.values(view.checkins).map((c) => (c ? CHECKIN_ANSWER_LABELS[c.answer] : ""));
  return (
    <>
      <dl class="facts">
        <dt>Student</dt>
        <dd>{candidate.name}</dd>
        <dt>Interview</dt>
        <dd>
          {interview.role} at {interview.company}, {interview.date}
        </dd>
        {view.cohort ? (
          <>
            <dt>Cohort</dt>
            <dd>{view.cohort}</dd>
          </>
        ) : null}
        <dt>What went wrong</dt>
        <dd>{view.debrief.whatHappened.join(", ") || "Nothing picked"}</dd>
        <dt>Letter</dt>
        <dd>{view.letterSentAt ? `Sent ${when(view.letterSentAt)}` : "Not marked sent"}</dd>
        <dt>Outcome</dt>
        <dd>{outcome.filter(Boolean).join("; ") || "No answer yet"}</dd>
      </dl>
      {view.debrief.questions.length > 0 ? (
        <>
          <h2>Questions that went badly</h2>
          <ul>
            {view.debrief.questions.map((q) => (
              <li>
                <strong>{q.question}</strong> {q.betterAnswer}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={adminPath(slug, "/shared")}>Back to the shared debriefs</a>
      </p>
    </>
  );
}

/** The team, the keys and (for the owner) the shared key of before. */
export function TeamPage({
  centre,
  advisor,
  team,
  invite,
  keyErrors = {},
}: {
  centre: Centre;
  advisor: Advisor;
  team: Team;
  invite?: { values: { email?: string; name?: string }; errors: FieldErrors };
  keyErrors?: FieldErrors;
}) {
  const owner = advisor.role === "owner";
  const nameOf = (id: string) => team.advisors.find((a) => a.id === id)?.name ?? "a removed advisor";
  const keys = team.keys.filter((k) => owner || k.advisorId === advisor.id);
  const inviteErrors = invite?.errors ?? {};
  return (
    <>
      <h2>People</h2>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Who can sign in</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {owner ? <th scope="col">Remove</th> : null}
            </tr>
          </thead>
          <tbody>
            {team.advisors.map((a) => (
              <tr>
                <th scope="row">{a.name}</th>
                <td>{a.email}</td>
                <td>{a.role === "owner" ? "Owner" : "Advisor"}</td>
                {owner ? (
                  <td>
                    {a.role === "owner" ? (
                      "—"
                    ) : (
                      <form method="post" action={adminPath(centre.slug, `/team/${a.id}/remove`)}>
                        <button type="submit" class="secondary" aria-label={`Remove ${a.name}`}>
                          Remove
                        </button>
                      </form>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {owner ? (
        <form method="post" action={adminPath(centre.slug, "/team")} novalidate aria-labelledby="invite-heading">
          <h3 id="invite-heading">Invite an advisor</h3>
          <ErrorSummary
            heading="There is a problem"
            items={(["name", "email"] as const)
              .filter((f) => inviteErrors[f])
              .map((f) => ({ href: `#invite-${f}` as const, text: inviteErrors[f] as string }))}
          />
          <Field
            id="invite-name"
            name="name"
            label="Their name"
            required
            autocomplete="off"
            value={invite?.values.name ?? ""}
            error={inviteErrors.name}
          />
          <Field
            id="invite-email"
            name="email"
            type="email"
            label="Their email address"
            hint={`They get an email with a sign-in link (it works for ${SIGN_IN_LINK_MINUTES} minutes; they can ask for a new one here).`}
            required
            autocomplete="off"
            value={invite?.values.email ?? ""}
            error={inviteErrors.email}
          />
          <button type="submit">Invite</button>
        </form>
      ) : null}

      <h2>Weekly email</h2>
      <form method="post" action={adminPath(centre.slug, "/digest")}>
        <p>
          {advisor.weeklyDigest
            ? "Every Monday you get an email with last week's figures (as suppressed as on this page) and a link here."
            : "Get an email every Monday with last week's figures (as suppressed as on this page) and a link here."}
        </p>
        <input type="hidden" name="weekly" value={advisor.weeklyDigest ? "off" : "on"} />
        <button type="submit" class="secondary">
          {advisor.weeklyDigest ? "Stop the weekly email" : "Email me every Monday"}
        </button>
      </form>

      <h2>API keys</h2>
      <p>
        For scripts that read the admin API (<a href="/api/docs">reference</a>): send a key as{" "}
        <code>Authorization: Bearer …</code>. Each key is {owner ? "someone's" : "yours"}, shown once, and can be
        revoked.
      </p>
      {keys.length > 0 ? <KeysTable slug={centre.slug} keys={keys} nameOf={owner ? nameOf : undefined} /> : null}
      <form method="post" action={adminPath(centre.slug, "/keys")} class="actions" novalidate>
        <Field
          id="key-label"
          name="label"
          label="Name the new key"
          hint="What it is for, such as 'weekly report script'."
          value=""
          error={keyErrors.label}
        />
        <button type="submit">Make a key</button>
      </form>
      {owner && centre.keyHashes.length > 0 ? (
        <section aria-labelledby="shared-key-heading" class="warning">
          <h3 id="shared-key-heading">The shared key still works</h3>
          <p>
            The key everyone shared before advisor accounts still opens the admin API, and nothing records who used it.
            It keeps working until you revoke it: give each script a personal key first.
          </p>
          <form method="post" action={adminPath(centre.slug, "/shared-key/revoke")}>
            <button type="submit" class="secondary">
              Revoke the shared key
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

function KeysTable({ slug, keys, nameOf }: { slug: string; keys: AdvisorKey[]; nameOf?: (id: string) => string }) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">API keys</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            {nameOf ? <th scope="col">Whose</th> : null}
            <th scope="col">Made</th>
            <th scope="col">Last used</th>
            <th scope="col">Revoke</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr>
              <th scope="row">
                {k.label} <span class="muted">({k.id})</span>
              </th>
              {nameOf ? <td>{nameOf(k.advisorId)}</td> : null}
              <td>{when(k.createdAt)}</td>
              <td>{k.lastUsedAt ? when(k.lastUsedAt) : "Never"}</td>
              <td>
                <form method="post" action={adminPath(slug, `/keys/${k.id}/revoke`)}>
                  <button type="submit" class="secondary" aria-label={`Revoke ${k.label} (${k.id})`}>
                    Revoke
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A new key, shown once. */
export function NewKeyPage({ slug, apiKey, label }: { slug: string; apiKey: string; label: string }) {
  return (
    <>
      <div class="notice" role="status">
        <p>Your key "{label}" is made. Copy it now: it is shown only this once, and only its hash is kept.</p>
      </div>
      <p>
        <code class="secret">{apiKey}</code>
      </p>
      <p>
        <a href={adminPath(slug, "/team")}>Back to the team and keys</a>
      </p>
    </>
  );
}

const EVENT_LABELS: Record<CentreEventKind, string> = {
  "signed-in": "Signed in",
  "signed-out": "Signed out",
  "opened-debrief": "Opened a shared debrief",
  exported: "Exported",
  invited: "Invited",
  removed: "Removed",
  "key-created": "Made an API key",
  "key-revoked": "Revoked an API key",
  "shared-key-revoked": "Revoked the shared key",
};

/** The centre's log of the last year, for the owner. */
export function ActivityPage({ events }: { events: CentreEvent[] }) {
  if (events.length === 0) return <p>Nothing yet.</p>;
  return (
    <>
      <p>Who signed in, opened a shared debrief, exported figures, and invited or removed whom: kept for a year.</p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">The centre's activity, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Of what</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr>
                <td>{when(e.at)}</td>
                <td>{e.actor}</td>
                <td>{EVENT_LABELS[e.action]}</td>
                <td>{e.detail ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The weekly email's unsubscribe link: a button that POSTs (as a mail provider's one-click does), then done. */
export function DigestUnsubscribePage({
  centre,
  path,
  done,
}: {
  centre: Pick<Centre, "slug" | "displayName">;
  path?: string;
  done?: boolean;
}) {
  return done ? (
    <>
      <h1>No more weekly emails</h1>
      <div class="notice" role="status">
        <p>You will not get {centre.displayName}'s Monday email any more. You can ask for it again on the Team page.</p>
      </div>
      <p>
        <a href={adminPath(centre.slug)}>Open {centre.displayName}'s page</a>
      </p>
    </>
  ) : (
    <>
      <h1>Stop the weekly email?</h1>
      <p>You will no longer get {centre.displayName}'s figures every Monday.</p>
      <form method="post" action={path}>
        <button type="submit" class="primary">
          Stop the weekly email
        </button>
      </form>
    </>
  );
}
