/**
 * zod probes whether it may compile validators with `new Function`; under the app's CSP (no
 * `unsafe-eval`) that probe is a policy violation. Imported first by the entry so zod never tries.
 */
import { z } from 'zod';

z.config({ jitless: true });
