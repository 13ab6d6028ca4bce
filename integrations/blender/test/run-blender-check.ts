// Runs one of the Blender check scripts against a test platform: builds the add-on zip with its build script,
// writes the script's config, starts Blender (headless, or with a window under Xvfb) and reads back its results.
import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasTool } from '@polyforge/geometry/test/fixtures/required-tool';

const BUILD_SCRIPT = fileURLToPath(new URL('../build-addon-zip.mjs', import.meta.url));

export const hasBlender = hasTool('blender');
export const hasXvfb = hasTool('xvfb-run');

export interface BlenderCheckRun<Results> {
  results: Results;
  /** Blender's stdout and stderr together. */
  output: string;
  exitCode: number | null;
  seconds: number;
}

export async function runBlenderCheck<Results>(options: {
  script: string;
  scratch: string;
  config: Record<string, unknown>;
  withWindow?: boolean;
}): Promise<BlenderCheckRun<Results>> {
  const zipPath = join(options.scratch, 'polyforge-blender.zip');
  const built = spawnSync(process.execPath, [BUILD_SCRIPT, zipPath], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build-addon-zip.mjs failed: ${built.stderr}`);
  const resultPath = join(options.scratch, 'result.json');
  const configPath = join(options.scratch, 'config.json');
  await writeFile(
    configPath,
    JSON.stringify({
      ...options.config,
      zip_path: zipPath,
      result_path: resultPath,
      download_dir: join(options.scratch, 'downloads'),
    }),
  );
  const blenderArgs = [
    '--factory-startup',
    '--python-exit-code',
    '1',
    '--python',
    fileURLToPath(new URL(options.script, import.meta.url)),
    '--',
    configPath,
  ];
  const [command, args] = options.withWindow
    ? ['xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', 'blender', ...blenderArgs]]
    : ['blender', ['-b', ...blenderArgs]];
  const started = Date.now();
  let output = '';
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    // The user's own Blender settings, add-ons and temp files stay untouched: all of them go to the scratch folder.
    const env = {
      ...process.env,
      BLENDER_USER_SCRIPTS: join(options.scratch, 'scripts'),
      BLENDER_USER_CONFIG: join(options.scratch, 'config'),
      TEMP: options.scratch,
      TMPDIR: options.scratch,
    };
    const child = spawn(command, args, { env });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = (Date.now() - started) / 1000;
  const results = JSON.parse(await readFile(resultPath, 'utf8').catch(() => 'null')) as Results;
  if (results === null) throw new Error(`Blender wrote no results (exit ${exitCode}):\n${output.slice(-4000)}`);
  return { results, output, exitCode, seconds };
}
