// The console's own requests from the browser: its JSON routes and the session check, each telling
// an ended session (docs/rules.md "Sessions") from any other failure. The state they feed (the
// lapsed session, the time zone) lives in console-state.tsx.

/** Thrown by the console's own fetches when the server says the session has ended. */
export class SessionLapsedError extends Error {
  constructor() {
    super("Your session has ended. Sign in again.");
  }
}

/**
 * Whether a fetch's answer means the session is gone: a 401, or a redirect (the proxy sends a
 * request without a session to sign-in; fetched with `redirect: "manual"` it shows as opaque).
 */
export function isSessionLapse(res: Response): boolean {
  return res.status === 401 || res.type === "opaqueredirect";
}

/**
 * GETs one of the console's own JSON routes, never cached: the parsed body, or a
 * SessionLapsedError when the session is gone, or an Error saying `failure` for any other answer.
 */
export async function fetchConsoleJson<T>(url: string, failure: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store", redirect: "manual" });
  if (isSessionLapse(res)) throw new SessionLapsedError();
  if (!res.ok) throw new Error(failure);
  return (await res.json()) as T;
}

/** Asks the server whether the session still holds: before a refresh, after a failed action. */
export async function checkSession(): Promise<"ok" | "lapsed" | "unreachable"> {
  try {
    const res = await fetch("/api/session", { cache: "no-store", redirect: "manual" });
    if (isSessionLapse(res)) return "lapsed";
    return res.ok ? "ok" : "unreachable";
  } catch {
    return "unreachable";
  }
}
