// Timing for benchmarks: several rounds of a fixed duration, reported as the median rate, so
// one noisy moment on a shared machine does not decide the figure.

export function measureSync(fn, { seconds, rounds = 5 }) {
  const perRound = (seconds * 1000) / rounds
  let batch = 1
  // Find a batch size that takes ~5 ms, so the clock is read rarely.
  for (;;) {
    const t = performance.now()
    for (let i = 0; i < batch; i++) fn()
    if (performance.now() - t > 5 || batch > 1e7) break
    batch *= 2
  }
  const rates = []
  for (let r = 0; r < rounds; r++) {
    let n = 0
    const start = performance.now()
    let now = start
    while (now - start < perRound) {
      for (let i = 0; i < batch; i++) fn()
      n += batch
      now = performance.now()
    }
    rates.push(n / ((now - start) / 1000))
  }
  return median(rates)
}

export async function measureAsync(fn, { seconds, rounds = 3, minCalls = 3 }) {
  const perRound = (seconds * 1000) / rounds
  const rates = []
  for (let r = 0; r < rounds; r++) {
    let n = 0
    const start = performance.now()
    let now = start
    while (now - start < perRound || n < minCalls) {
      await fn()
      n++
      now = performance.now()
    }
    rates.push(n / ((now - start) / 1000))
  }
  return median(rates)
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
