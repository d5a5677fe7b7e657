"use client";

// The console layout itself reads the session and the region list from the database; an error
// there (the database unreachable) is caught one level up, here, with the same page as inside.
export { default } from "./(console)/error";
