/**
 * Adding 500 images from one institution: 500 info.json requests through the remote service, against a
 * loopback server that takes 50 ms per answer. With 6 requests in flight per host the floor is
 * 500 / 6 × 50 ms ≈ 4.2 s; the target is to stay within 1.3 × that floor plus 1 s of overhead.
 * A benchmark, not a test: it reports figures and never fails on timing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRemoteService } from '../../electron/services/remote/remote-service';
import { startInstitution } from '../../tests/fixtures/institutions';

export const name = 'add-images';

const COUNT = 500;
const LATENCY_MS = 50;
const PER_HOST = 6;

export async function run(): Promise<Record<string, number>> {
  const institution = await startInstitution({
    name: 'Bench Library',
    level: 2,
    imageApi: 3,
    latencyMs: LATENCY_MS,
    syntheticImages: COUNT,
    manifests: false,
    images: [{ id: 'quadrants', width: 400, height: 300 }],
  });
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-bench-add-images-'));
  const remote = createRemoteService({ cacheDir, maxPerHost: PER_HOST });
  try {
    // Service base URLs, as a curator pastes them; the service appends /info.json.
    const urls = Array.from({ length: COUNT }, (_, i) => institution.serviceUrl(`synthetic-${i}`));
    const start = performance.now();
    const results = await Promise.allSettled(urls.map((url) => remote.fetchInfo(url)));
    const measured = performance.now() - start;
    const ideal = (COUNT / PER_HOST) * LATENCY_MS;
    return {
      add_500_ms: Math.round(measured),
      add_500_ideal_ms: Math.round(ideal),
      add_500_vs_ideal: Math.round((measured / ideal) * 1000) / 1000,
      add_500_within_target: measured <= 1.3 * ideal + 1000 ? 1 : 0,
      add_500_failed: results.filter((result) => result.status === 'rejected').length,
      add_500_max_in_flight: institution.maxInFlight(),
    };
  } finally {
    remote.close();
    await institution.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}
