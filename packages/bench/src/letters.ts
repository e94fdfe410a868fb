import { sesEmulatorStore } from "@debrief/local";

type Stored = { destination?: { to?: string[] }; subject?: string };
type SesStore = { saveEmail: (email: Stored) => void; getStoreReadonly: () => { emails: Stored[] } };

// The SES emulator's store as the local stack loaded it (the same module instance).
const store = sesEmulatorStore as unknown as SesStore;

/**
 * Tells the moment each message lands in the SES emulator's store, by wrapping the
 * store's `saveEmail` in this process (as the local stack already does to persist the
 * inbox). Polling `GET /store` instead would add its interval to every figure and load
 * the process with bodies; this observes the very write the inbox later serves.
 * Install it after the stack starts (a stack start or stop resets the store's hook).
 */
export function watchSesStore() {
  const previous = store.saveEmail;
  const seenAt = new Map<string, number>();
  const waiters = new Map<string, (at: number) => void>();
  let saved = 0;
  store.saveEmail = (email) => {
    previous(email);
    const at = performance.now();
    saved += 1;
    for (const to of email.destination?.to ?? []) {
      if (!seenAt.has(to)) seenAt.set(to, at);
      waiters.get(to)?.(at);
      waiters.delete(to);
    }
  };
  return {
    /** Resolves with the time (performance.now()) the first message to `address` was stored. */
    firstTo(address: string, timeoutMs: number): Promise<number> {
      const at = seenAt.get(address);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(address);
          reject(new Error(`No email reached the SES store within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.set(address, (t) => {
          clearTimeout(timer);
          resolve(t);
        });
      });
    },
    /** Messages stored since the watch began. */
    saved: () => saved,
    /** Messages in the emulator's store (what `GET /store` serves). */
    inStore: () => store.getStoreReadonly().emails.length,
    close() {
      store.saveEmail = previous;
    },
  };
}

export type SesWatch = ReturnType<typeof watchSesStore>;
