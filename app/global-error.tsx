"use client";

/** The last resort when even the root layout fails: plain HTML with inline styles, no stack trace. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>DTS Console is unavailable</title>
      </head>
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          display: "grid",
          placeItems: "center",
          minHeight: "100vh",
          margin: 0,
          background: "#f5f6fa",
          color: "#1f2937",
        }}
      >
        <main
          role="alert"
          style={{ textAlign: "center", background: "#fff", border: "1px solid #e5e7eb", padding: "32px", maxWidth: 420, margin: 16 }}
        >
          <div
            aria-hidden
            style={{
              display: "inline-block",
              background: "#c2410c",
              color: "#fff",
              fontWeight: 700,
              fontSize: 12,
              padding: "8px 6px",
              borderRadius: 2,
            }}
          >
            DTS
          </div>
          <h1 style={{ fontSize: 18, margin: "16px 0 8px" }}>DTS Console is unavailable</h1>
          <p style={{ color: "#374151", fontSize: 14, margin: 0 }}>Something went wrong on our side. Nothing was changed.</p>
          <button
            type="button"
            onClick={reset}
            style={{
              marginTop: 16,
              padding: "6px 14px",
              background: "#2563eb",
              color: "#fff",
              border: "1px solid #2563eb",
              borderRadius: 2,
              fontSize: 14,
              cursor: "pointer",
            }}
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
