/**
 * The platform's app as `npm start` builds it, inside an outer express app that adds two routes
 * for the benchmark only: the HTTP floor (a constant JSON body: the first records page, captured
 * once, so the floor sends the same bytes as that endpoint without querying anything) and this
 * process's memory (current and peak RSS since the last reset, sampled every 20 ms).
 */
import express from 'express';
import type { Catalogue } from '../../catalogue';
import type { Config } from '../../catalogue/config';
import { createApp } from '../../server/app';

export const FLOOR_PATH = '/bench/floor';
export const MEMORY_PATH = '/bench/memory';

export interface MemoryReading {
  rssMb: number;
  peakRssMb: number;
}

function rssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  timer.unref();
  return {
    read(reset: boolean): MemoryReading {
      const rss = process.memoryUsage.rss();
      const reading = { rssMb: rss / 2 ** 20, peakRssMb: Math.max(peak, rss) / 2 ** 20 };
      if (reset) peak = rss;
      return reading;
    },
  };
}

export function benchApp(catalogue: Catalogue, config: Config, floorBody: unknown): express.Express {
  const memory = rssSampler();
  const outer = express();
  outer.disable('x-powered-by');
  outer.set('etag', false);
  outer.get(FLOOR_PATH, (_req, res) => {
    res.json(floorBody);
  });
  outer.get(MEMORY_PATH, (req, res) => {
    if (req.query.gc === '1') (globalThis as { gc?: () => void }).gc?.();
    res.json(memory.read(req.query.reset === '1'));
  });
  outer.use(createApp({ catalogue, config }));
  return outer;
}
