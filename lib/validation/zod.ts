import { z } from "zod";

// zod 4 probes for eval (`new Function("")`) the first time it builds an object schema; under the
// console's CSP (no 'unsafe-eval') the browser reports that as a violation even though zod catches
// it. Jitless parsing skips the probe. Every module imports zod from here (an ESLint rule says so),
// so this runs before any schema is built, on the server and in the browser.
z.config({ jitless: true });

export { z };
