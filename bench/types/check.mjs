// Checks one project with a given TypeScript (its JS API) and prints what checking cost:
// instantiations, wall time, the process's CPU time (user + system, all threads) and the CPU
// time of the checking thread alone. Usage: node bench/types/check.mjs <path to typescript.js> <tsconfig.json>
//
// Why both CPU times: while TypeScript checks, V8 compiles the checker's hot functions and
// marks the heap on background threads. On this 2-core machine those threads take about as
// much CPU as the checker and compete with it for the cores, so the wall-clock check time
// holds part of their work; the checking thread's own time does not, and is what a machine
// with cores to spare would see as wall time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [compilerPath, configPath] = process.argv.slice(2);
const ts = createRequire(import.meta.url)(compilerPath);
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram(config.fileNames, config.options);

/** CPU time of the calling thread in ms (Linux's schedstat); NaN where the file does not exist. */
function threadCpuMs() {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

const checker = program.getTypeChecker();
const cpu = process.cpuUsage();
const thread = threadCpuMs();
const wall = performance.now();
const errors = program.getSourceFiles().flatMap((file) => program.getSemanticDiagnostics(file));
const wallMs = performance.now() - wall;
const threadMs = threadCpuMs() - thread;
const used = process.cpuUsage(cpu);
const result = {
  instantiations: checker.getInstantiationCount(),
  wallMs,
  cpuMs: (used.user + used.system) / 1000,
  threadMs,
  errors: errors.length,
};
console.log(JSON.stringify(result));
