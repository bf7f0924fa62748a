// @ts-check
// `npm start`: serves a real VS Code, with the extension loaded from this checkout and the sample
// workspace open, on http://127.0.0.1:<port> until Ctrl-C. `--screenshots <dir>` instead saves
// pictures of the workbench there and exits.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { takeScreenshots } from './screenshots.mjs';
import { freePort, launchBrowser, portIsFree, Resources, root, startServer, workbenchUrl } from './workbench.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    folder: { type: 'string', default: join(root, 'samples') },
    screenshots: { type: 'string' },
  },
});

async function main() {
  if (!existsSync(join(root, 'dist', 'extension.js'))) throw new Error('No built extension; run `npm run build` first.');
  // Ctrl-C is how this is meant to end, so it exits cleanly.
  const resources = new Resources({ signalExitCode: 0 });
  try {
    const wanted = Number(options.port);
    const port = options.screenshots || !(await portIsFree(wanted)) ? await freePort() : wanted;
    if (!options.screenshots && port !== wanted) console.log(`Port ${wanted} is taken; using ${port}.`);
    // Serving needs no browser here: the user opens the URL in theirs.
    const server = await startServer(resources, { port, browser: Boolean(options.screenshots) });
    const url = workbenchUrl(server, { folder: resolve(options.folder), extensionPath: root });
    if (options.screenshots) {
      const { page } = await launchBrowser(resources, { width: 1280, height: 800 });
      // The Insights panel is shot on the labelled insights workspace, whose postmortems span many months.
      const insightsUrl = workbenchUrl(server, { folder: join(root, 'test', 'fixtures', 'insights-workspace'), extensionPath: root });
      await takeScreenshots(page, { url, insightsUrl }, resolve(options.screenshots));
      return;
    }
    console.log(`\nVS Code with the postmortem extension and ${options.folder} is running. Open in a browser on this machine:\n\n  ${url}\n\nPress Ctrl-C to stop.`);
    const how = await server.exited;
    if (!resources.disposed) throw new Error(`The VS Code server stopped (${how}).`);
  } finally {
    await resources.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
