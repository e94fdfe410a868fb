/** The pages of `/u/{token}` and `/not-me/{token}`; each exports its title beside it. */

export const UNSUBSCRIBE = { title: "Unsubscribe" } as const;
export function UnsubscribePage() {
  return (
    <>
      <h1>Stop these emails?</h1>
      <p>We will send nothing more about this debrief. Your page and your draft stay until you delete them.</p>
      <form method="post">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit" class="primary">
          Stop the emails
        </button>
      </form>
    </>
  );
}

export const UNSUBSCRIBED = { title: "Unsubscribed" } as const;
export function UnsubscribedPage() {
  return (
    <>
      <h1>You are unsubscribed</h1>
      <p>We will send no more emails about this debrief.</p>
    </>
  );
}

export const NOT_ME = { title: "This wasn't me" } as const;
export function NotMePage() {
  return (
    <>
      <h1>Did someone else use your address?</h1>
      <p>
        If you did not fill in an interview debrief, we will never email this address again and stop anything already
        scheduled for it.
      </p>
      <form method="post">
        <button type="submit" class="primary">
          This wasn't me: never email me again
        </button>
      </form>
    </>
  );
}

export const SUPPRESSED = { title: "We will not email you again" } as const;
export function SuppressedPage() {
  return (
    <>
      <h1>We will not email you again</h1>
      <p>Sorry for the trouble. This address is on our do-not-send list, and nothing more is on its way.</p>
    </>
  );
}

export const THROTTLED = { title: "Too many requests" } as const;
export function ThrottledPage() {
  return (
    <>
      <h1>Too many requests</h1>
      <p>This link was used too often in the last hour. Please try again later.</p>
    </>
  );
}
