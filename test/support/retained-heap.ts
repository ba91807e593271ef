import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * The heap still in use after a full garbage collection: what a leak would keep, without the
 * garbage a busy test leaves for the collector (heapUsed alone varies by hundreds of MB with the
 * collector's timing). jest runs without `--expose-gc`, so the flag is set at run time and `gc`
 * is taken from a fresh context, where V8 then defines it.
 */
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

export function retainedHeapBytes(): number {
  collect();
  return process.memoryUsage().heapUsed;
}
