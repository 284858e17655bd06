// Preloaded into every benchmarked server (`node --import`), ours and the references alike, so
// all are measured the same way from inside: CPU time, resident memory and event-loop delay,
// and on request the memory held after a full garbage collection.
// The benchmark asks over the IPC channel; a server started without one is left alone.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection on request, so memory read after it is what is held, not what waits
 * to be collected. Exposed only when first asked for: a server no benchmark asks runs as usual.
 */
let collectGarbage;
function fullGc() {
	if (!collectGarbage) {
		v8.setFlagsFromString('--expose-gc');
		collectGarbage = vm.runInNewContext('gc');
	}
	collectGarbage();
}

if (process.send) {
	const resolutionMs = 10;
	const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
	histogram.enable();
	let cpuSince = process.cpuUsage();
	let wallSince = performance.now();
	let rssPeak = process.memoryUsage.rss();
	// Sampled rather than read once: the peak during a run is what a small machine must hold.
	const rssTimer = setInterval(() => {
		rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
	}, 100);
	rssTimer.unref();

	process.on('message', (message) => {
		if (!message || typeof message !== 'object' || !('probe' in message)) return;
		if (message.probe === 'reset') {
			histogram.reset();
			cpuSince = process.cpuUsage();
			wallSince = performance.now();
			rssPeak = process.memoryUsage.rss();
			process.send({ probe: 'reset', id: message.id });
		} else if (message.probe === 'memory') {
			fullGc();
			const memory = process.memoryUsage();
			process.send({
				probe: 'memory',
				id: message.id,
				sample: {
					rssMb: memory.rss / 2 ** 20,
					heapUsedMb: memory.heapUsed / 2 ** 20,
					// Buffers and typed arrays live outside the heap (socket buffers, Yjs updates).
					externalMb: memory.external / 2 ** 20
				}
			});
		} else if (message.probe === 'sample') {
			const cpu = process.cpuUsage(cpuSince);
			const wallMs = performance.now() - wallSince;
			// The histogram holds whole timer intervals; the delay is what exceeds the interval.
			const toMs = (ns) => Math.max(0, ns / 1e6 - resolutionMs);
			process.send({
				probe: 'sample',
				id: message.id,
				sample: {
					cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
					cpuMs: (cpu.user + cpu.system) / 1000,
					rssMb: Math.max(rssPeak, process.memoryUsage.rss()) / 2 ** 20,
					eventLoopDelayP50Ms: toMs(histogram.percentile(50)),
					eventLoopDelayP99Ms: toMs(histogram.percentile(99)),
					eventLoopDelayMaxMs: toMs(histogram.max)
				}
			});
		}
	});
	// The IPC channel must not keep a server alive that was told to stop.
	process.channel?.unref();
}
