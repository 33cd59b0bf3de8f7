import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core's InstanceSettings writes <folder>/.n8n/config; keep it out of the real home folder.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-esim-test-'));
// Otherwise n8n's ErrorReporter logs every node error with its stack.
process.env.N8N_LOG_LEVEL ??= 'silent';
// n8n's outbound HTTP honours proxies; the sandbox is always local.
process.env.NO_PROXY = '127.0.0.1,localhost';
process.env.no_proxy = '127.0.0.1,localhost';
