// Must be imported before any zod schema is built (main.tsx imports it first):
// zod's JIT probes `new Function` when a schema is constructed, which the
// CSP (script-src 'self', no 'unsafe-eval') refuses and reports as a violation.
import { z } from 'zod';

z.config({ jitless: true });
