/** A machine from a boot log (dmesg, e820 map or /proc/zoneinfo): see build.ts. */
export { scenarioFromBootLog } from './build';
export type { BootLogResult } from './build';
