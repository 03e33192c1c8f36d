// One Node program bundle (ESM, Node 20) for the CLI, the local workspace server and the Feishu service.
// Native and heavy packages stay external; CommonJS dependencies (mammoth…) get a `require`.
import { build } from 'esbuild';
import { statSync } from 'node:fs';

const REQUIRE_BANNER = "import { createRequire as __minutesCreateRequire } from 'node:module';\nconst require = __minutesCreateRequire(import.meta.url);";

/** Bundle `entry` into `outfile`; returns { outfile, bytes }. */
export async function buildNodeBundle({ entry, outfile, external = ['better-sqlite3', '@larksuiteoapi/node-sdk'], sourcemap = false }) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    sourcemap,
    external,
    banner: { js: REQUIRE_BANNER },
    logLevel: 'warning',
  });
  return { outfile, bytes: statSync(outfile).size };
}
