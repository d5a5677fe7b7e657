// Lets node:test import server modules: "server-only" guards against client bundles, and
// outside Next.js there is no client bundle to guard, so it resolves to an empty module here.
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
