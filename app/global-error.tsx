"use client";

/** The last resort when even the root layout fails: plain HTML, no stack trace. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", display: "grid", placeItems: "center", minHeight: "100vh", margin: 0 }}>
        <div role="alert" style={{ textAlign: "center" }}>
          <h1 style={{ fontSize: 18 }}>DTS Console is unavailable</h1>
          <p style={{ color: "#4b5563", fontSize: 14 }}>Something went wrong on our side. Nothing was changed.</p>
          <button type="button" onClick={reset} style={{ marginTop: 12, padding: "6px 14px" }}>
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
