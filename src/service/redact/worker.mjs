// Worker-thread entry of a redaction (thread.ts). On Node 20 a worker does not inherit the main thread's tsx
// hooks (module.register), so it registers its own before loading the TypeScript worker, as parse-worker.mjs does.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./worker.ts', import.meta.url).href);
