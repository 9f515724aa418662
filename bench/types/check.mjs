// Checks one project with a given TypeScript (its JS API) and prints what checking cost:
// instantiations, wall time and CPU time (user + system, which load on the machine disturbs
// less). Usage: node bench/types/check.mjs <path to typescript.js> <tsconfig.json>
import { createRequire } from 'node:module';

const [compilerPath, configPath] = process.argv.slice(2);
const ts = createRequire(import.meta.url)(compilerPath);
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();
const cpu = process.cpuUsage();
const wall = performance.now();
const errors = program.getSourceFiles().flatMap((file) => program.getSemanticDiagnostics(file));
const used = process.cpuUsage(cpu);
const result = {
  instantiations: checker.getInstantiationCount(),
  wallMs: performance.now() - wall,
  cpuMs: (used.user + used.system) / 1000,
  errors: errors.length,
};
console.log(JSON.stringify(result));
