/**
 * The digest of the error a page throws when the database cannot be reached. Next.js keeps a
 * thrown error's own digest on its way to the browser (other errors get a hash of themselves), so
 * the console's error page (app/(console)/error.tsx) can say what happened without showing any
 * detail. Its own module: the error page imports it into the browser bundle.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "DTS_DATABASE_UNAVAILABLE";
